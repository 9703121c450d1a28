"""Coordinators see who registered for events and export the list: the
Coordinators group (home 0004) gets the permission to view registrations.
Page permissions for event pages come from the group's page permissions."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

PERMISSIONS = [("events", "registration", "view_registration")]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group, _ = Group.objects.get_or_create(name="Coordinators")
    for app_label, model, codename in PERMISSIONS:
        group.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    group = Group.objects.filter(name="Coordinators").first()
    if group is None:
        return
    for app_label, model, codename in PERMISSIONS:
        group.permissions.remove(
            *Permission.objects.filter(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )


class Migration(migrations.Migration):
    dependencies = [
        ("events", "0001_initial"),
        ("home", "0004_coordinators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
