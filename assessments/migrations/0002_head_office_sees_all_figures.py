"""The head office's Coordinators see the self-assessment figures of every
region (assessments/report.py); a region's coordinators see their regions'
through their region, with no permission of their own."""

from django.contrib.auth.management import create_permissions
from django.db import migrations


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    app_config = apps.get_app_config("assessments")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None


def grant(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permission = Permission.objects.get(
        content_type__app_label="assessments", codename="view_all_aggregates"
    )
    for group in Group.objects.filter(name="Coordinators"):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    Permission = apps.get_model("auth.Permission")
    Permission.objects.filter(
        content_type__app_label="assessments", codename="view_all_aggregates"
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("assessments", "0001_initial"),
        ("home", "0004_coordinators_group"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
