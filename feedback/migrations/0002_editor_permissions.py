"""Editors and medical reviewers read readers' feedback and track it (status, editor's note)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Medical reviewers"]
CODENAMES = ["view_feedback", "change_feedback"]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can use them.
    app_config = apps.get_app_config("feedback")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tracking = Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*tracking)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    tracking = Permission.objects.filter(content_type__app_label="feedback", codename__in=CODENAMES)
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*tracking)


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0001_initial"),
        ("education", "0005_editorial_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
