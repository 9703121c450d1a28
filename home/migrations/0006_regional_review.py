"""Regional review: one coordinators group per founding region and the
"Regional review" workflow, whose one task sends a page to the coordinators
of its own region (see home/workflows.py).

A region's group is found by the region's slug: "Region coordinators:
moscow" and so on. Its members work in the admin, edit pages, translate
them and approve what is submitted for their region; they cannot publish
directly (publishing goes through the review). The "Coordinators" group
(0004) stays as it is and approves pages that have no region.

Editors use Wagtail's own "Editors" group: they create pages and submit
them for review, and cannot publish.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

REGION_SLUGS = ["moscow", "st-petersburg", "ekaterinburg"]
REGION_GROUP_PREFIX = "Region coordinators: "
WORKFLOW_NAME = "Regional review"
TASK_NAME = "Review by the region's coordinators"

PAGE_PERMISSIONS = ["add_page", "change_page", "lock_page"]
MODEL_PERMISSIONS = [
    ("wagtailadmin", "admin", "access_admin"),
    ("wagtail_localize", "translation", "submit_translation"),
]
COLLECTION_PERMISSIONS = [
    ("wagtailimages", "image", ["add_image", "change_image", "choose_image"]),
    ("wagtaildocs", "document", ["add_document", "change_document", "choose_document"]),
]


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permission(Permission, app_label, model, codename):
    return Permission.objects.get(
        content_type__app_label=app_label, content_type__model=model, codename=codename
    )


def create_groups_and_workflow(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupPagePermission = apps.get_model("wagtailcore.GroupPagePermission")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    Workflow = apps.get_model("wagtailcore.Workflow")
    WorkflowTask = apps.get_model("wagtailcore.WorkflowTask")
    RegionCoordinatorsTask = apps.get_model("home.RegionCoordinatorsTask")

    root_page = Page.objects.get(depth=1)
    root_collection = Collection.objects.get(depth=1)
    for slug in REGION_SLUGS:
        group, _ = Group.objects.get_or_create(name=f"{REGION_GROUP_PREFIX}{slug}")
        for app_label, model, codename in MODEL_PERMISSIONS:
            group.permissions.add(permission(Permission, app_label, model, codename))
        for codename in PAGE_PERMISSIONS:
            GroupPagePermission.objects.get_or_create(
                group=group,
                page=root_page,
                permission=permission(Permission, "wagtailcore", "page", codename),
            )
        for app_label, model, codenames in COLLECTION_PERMISSIONS:
            for codename in codenames:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=permission(Permission, app_label, model, codename),
                )

    content_type, _ = ContentType.objects.get_or_create(
        app_label="home", model="regioncoordinatorstask"
    )
    task = RegionCoordinatorsTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = RegionCoordinatorsTask.objects.create(name=TASK_NAME, content_type=content_type)
    task.groups.add(*Group.objects.filter(name="Coordinators"))
    workflow, created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    if created:
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)


def remove_groups_and_workflow(apps, schema_editor):
    apps.get_model("wagtailcore.Workflow").objects.filter(name=WORKFLOW_NAME).delete()
    apps.get_model("wagtailcore.Task").objects.filter(name=TASK_NAME).delete()
    apps.get_model("auth.Group").objects.filter(
        name__in=[f"{REGION_GROUP_PREFIX}{slug}" for slug in REGION_SLUGS]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0005_region_coordinators_task"),
        ("wagtail_localize", "0016_rename_page_revision_translationlog_revision"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
    ]

    operations = [migrations.RunPython(create_groups_and_workflow, remove_groups_and_workflow)]
