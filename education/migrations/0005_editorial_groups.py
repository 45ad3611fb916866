"""The two editorial groups: Editors write and send for review; Medical reviewers also publish."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

EDITORS = "Editors"
REVIEWERS = "Medical reviewers"
#: Link rows editors remove through inlines (their history keeps them).
LINK_MODELS = {"drugsideeffect", "answerchoice", "questioncondition", "rulecondition"}


def create_groups(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can use them.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content = Permission.objects.filter(content_type__app_label="education").exclude(
        content_type__model__startswith="historical"
    )
    editing = content.filter(codename__regex=r"^(add|change|view)_")
    links = content.filter(
        codename__in=[f"delete_{model}" for model in LINK_MODELS]
    )
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    editors.permissions.set([*editing, *links])
    reviewers, _ = Group.objects.get_or_create(name=REVIEWERS)
    reviewers.permissions.set([*editing, *links, content.get(codename="publish_content")])


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[EDITORS, REVIEWERS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0004_history_and_reviewer_name"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
