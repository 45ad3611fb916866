"""Editors and medical reviewers keep treatment paths under the same workflow as pages: they may
add and change paths, and add, change and remove a path's steps and conditions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Medical reviewers"]
MODELS = ["treatmentpath", "pathstep", "pathcondition"]
#: Rows that only link a path to its parts: removing one is part of editing the path.
LINK_MODELS = ["pathstep", "pathcondition"]


def codenames():
    return [f"{action}_{model}" for model in MODELS for action in ("add", "change", "view")] + [
        f"delete_{model}" for model in LINK_MODELS
    ]


def grant(apps, schema_editor):
    # Permissions are normally made after migrations; make them now so the groups can use them.
    app_config = apps.get_app_config("education")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    editing = Permission.objects.filter(
        content_type__app_label="education", codename__in=codenames()
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.add(*editing)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth", "Permission")
    Group = apps.get_model("auth", "Group")
    editing = Permission.objects.filter(
        content_type__app_label="education", codename__in=codenames()
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*editing)


class Migration(migrations.Migration):
    dependencies = [("education", "0017_treatment_paths")]

    operations = [migrations.RunPython(grant, revoke)]
