"""Coordinators (all of them, and those of each region) and Wagtail's
Moderators moderate comments: they may hide and show comments on the site
(django-comments' "can moderate" permission) and in the admin's Comments
screen (view and change)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations
from django.db.models import Q

PERMISSIONS = [
    ("django_comments", "comment", "can_moderate"),
    ("django_comments_xtd", "xtdcomment", "view_xtdcomment"),
    ("django_comments_xtd", "xtdcomment", "change_xtdcomment"),
]
MODERATING_GROUPS = Q(name__in=["Coordinators", "Moderators"]) | Q(
    name__startswith="Region coordinators: "
)


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
    permissions = [
        Permission.objects.get(
            content_type__app_label=app_label, content_type__model=model, codename=codename
        )
        for app_label, model, codename in PERMISSIONS
    ]
    for group in Group.objects.filter(MODERATING_GROUPS):
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = Permission.objects.filter(
        codename__in=[codename for _, _, codename in PERMISSIONS],
        content_type__app_label__in=["django_comments", "django_comments_xtd"],
    )
    for group in Group.objects.filter(MODERATING_GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("library", "0001_initial"),
        ("home", "0006_regional_review"),
        ("django_comments", "0004_add_object_pk_is_removed_index"),
        ("django_comments_xtd", "0008_auto_20200920_2037"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
