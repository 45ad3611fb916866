"""Editors and medical reviewers write "What's new" entries under the same workflow as pages."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Medical reviewers"]
MODEL = "treatmentupdate"


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can use them.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editing = Permission.objects.filter(
        content_type__app_label="education",
        codename__in=[f"{action}_{MODEL}" for action in ("add", "change", "view")],
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*editing)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editing = Permission.objects.filter(
        content_type__app_label="education", codename__endswith=f"_{MODEL}"
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*editing)


class Migration(migrations.Migration):
    dependencies = [("education", "0009_source_kinds_updates_approvals_checked")]

    operations = [migrations.RunPython(grant, revoke)]
