"""Coordinators (the head office's and each region's) and editors keep
the glossary; translators see its terms in the translation editor, members
where pages mark them."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REGION_GROUP_PREFIX = "Region coordinators: "
KEEPER_GROUPS = ["Coordinators", "Editors"]
PERMISSIONS = [
    (model, f"{action}_{model}")
    for model in ("glossaryterm", "markedterms")
    for action in ("add", "change", "delete")
]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def give(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    permissions = [
        Permission.objects.get(
            content_type__app_label="glossary", content_type__model=model, codename=codename
        )
        for model, codename in PERMISSIONS
    ]
    groups = Group.objects.filter(name__in=KEEPER_GROUPS) | Group.objects.filter(
        name__startswith=REGION_GROUP_PREFIX
    )
    for group in groups:
        group.permissions.add(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("glossary", "0001_glossary"),
        ("home", "0008_region_coordinators_and_collections"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(give, migrations.RunPython.noop)]
