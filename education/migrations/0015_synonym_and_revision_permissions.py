"""Editors and medical reviewers may keep search synonyms (their changes wait for review like
any other) and see the changes waiting for review."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Medical reviewers"]
GRANTS = [
    *(f"{action}_searchsynonym" for action in ("add", "change", "view")),
    "view_revision",
]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can use them.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="education", codename__in=GRANTS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    permissions = Permission.objects.filter(
        content_type__app_label="education", codename__in=GRANTS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("education", "0014_edit_versions_revisions_loaded_rows")]

    operations = [migrations.RunPython(grant, revoke)]
