"""The editorial roles.

- Editors (Wagtail's own group): create and edit pages anywhere, submit them
  for review; they cannot publish. Unchanged.
- Moderators (Wagtail's own group): in this portal they moderate comments
  (library 0002) and, later, forums; they no longer edit or publish pages.
- Translators: translate pages and snippets with wagtail-localize and save
  drafts; they cannot publish (translations go through the review).
- Region coordinators (home 0006): their page permissions move from the
  whole tree to their own region's page, given when that page is created
  (community/permissions.py); they approve their region's submissions
  anywhere through the regional review, and translate the themes and
  regions (shared snippets) as translators do.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REGION_GROUP_PREFIX = "Region coordinators: "
TRANSLATOR_PAGE_PERMISSIONS = ["add_page", "change_page"]
SNIPPET_PERMISSIONS = [
    ("home", "topic", "change_topic"),
    ("home", "region", "change_region"),
]
TRANSLATOR_MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
    *SNIPPET_PERMISSIONS,
]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def set_up_roles(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Page = apps.get_model("wagtailcore.Page")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")

    root_page = Page.objects.get(depth=1)
    GroupPagePermission.objects.filter(
        group__name__startswith=REGION_GROUP_PREFIX, page=root_page
    ).delete()
    GroupPagePermission.objects.filter(group__name="Moderators").delete()
    for group in Group.objects.filter(name__startswith=REGION_GROUP_PREFIX):
        for app_label, model, codename in SNIPPET_PERMISSIONS:
            group.permissions.add(
                Permission.objects.get(
                    content_type__app_label=app_label,
                    content_type__model=model,
                    codename=codename,
                )
            )

    translators, _ = Group.objects.get_or_create(name="Translators")
    for app_label, model, codename in TRANSLATOR_MODEL_PERMISSIONS:
        translators.permissions.add(
            Permission.objects.get(
                content_type__app_label=app_label, content_type__model=model, codename=codename
            )
        )
    for codename in TRANSLATOR_PAGE_PERMISSIONS:
        GroupPagePermission.objects.get_or_create(
            group=translators,
            page=root_page,
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )


def remove_translators(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name="Translators").delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_regional_review"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(set_up_roles, remove_translators)]
