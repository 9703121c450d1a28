"""Bind each region's rights to the region itself, not to its slug.

Until now a region's coordinators were found by a group name built from
the region's slug ("Region coordinators: moscow"), and every region
coordinator could change every region, slug included: a coordinator who
swapped two regions' slugs took over the other region. Now:

- Each region has its coordinators' group (`Region.coordinators`) and a
  collection of its own (`Region.collection`), shared by its translations.
  The existing regions take the group of their slug's name and a new
  collection named after the region; later regions get theirs when they
  are created (home/region_roles.py).
- Region coordinators no longer change regions (head-office Coordinators
  and Translators keep `change_region`).
- Images and documents: region coordinators lose their rights on the root
  collection; they add, replace and choose in their region's collection and
  choose from the new "Shared" one.
"""

import django.db.models.deletion
from django.contrib.auth.management import create_permissions
from django.db import migrations, models

REGION_GROUP_PREFIX = "Region coordinators: "
SHARED_COLLECTION_NAME = "Shared"
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("home", "change_topic"),
]
OWN_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "add_image"),
    ("wagtailimages", "change_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "change_document"),
    ("wagtaildocs", "choose_document"),
]
SHARED_COLLECTION_PERMISSIONS = [
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "choose_document"),
]
MEDIA_APPS = ["wagtailimages", "wagtaildocs"]
# Collections are a tree of materialised paths (django-treebeard): four
# base-36 digits per level.
PATH_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def ensure_permissions(apps):
    # Permissions are normally created after all migrations have run.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = None


def permissions(Permission, pairs):
    return [
        Permission.objects.get(content_type__app_label=app_label, codename=codename)
        for app_label, codename in pairs
    ]


def add_child_collection(Collection, root, name):
    """A new last child of the root collection (the historical model has no
    tree methods)."""
    last = Collection.objects.filter(depth=2).order_by("-path").first()
    number = int(last.path[4:], 36) + 1 if last else 1
    step = ""
    while number:
        number, digit = divmod(number, 36)
        step = PATH_ALPHABET[digit] + step
    collection = Collection.objects.create(
        name=name, path=root.path + step.rjust(4, "0"), depth=2, numchild=0
    )
    Collection.objects.filter(pk=root.pk).update(numchild=models.F("numchild") + 1)
    return collection


def bind_regions(apps, schema_editor):
    ensure_permissions(apps)
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Region = apps.get_model("home.Region")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")

    root = Collection.objects.get(depth=1)
    shared = Collection.objects.filter(depth=2, name=SHARED_COLLECTION_NAME).first()
    if shared is None:
        shared = add_child_collection(Collection, root, SHARED_COLLECTION_NAME)

    region_groups = set(Group.objects.filter(name__startswith=REGION_GROUP_PREFIX))
    # One group and one collection per region, whatever its languages: the
    # source (first) version names them.
    for region in Region.objects.order_by("pk"):
        if Region.objects.filter(pk=region.pk, coordinators__isnull=False).exists():
            continue
        name = f"{REGION_GROUP_PREFIX}{region.slug}"
        group = Group.objects.filter(name=name).first()
        if group is None or Region.objects.filter(coordinators=group).exists():
            group = Group.objects.create(name=f"{name} ({region.pk})")
            group.permissions.add(*permissions(Permission, COORDINATOR_PERMISSIONS))
        collection = add_child_collection(Collection, root, region.name)
        Region.objects.filter(translation_key=region.translation_key).update(
            coordinators=group, collection=collection
        )
        region_groups.add(group)
        for permission in permissions(Permission, OWN_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=collection, permission=permission
            )

    change_region = Permission.objects.get(content_type__app_label="home", codename="change_region")
    for group in region_groups:
        group.permissions.remove(change_region)
        GroupCollectionPermission.objects.filter(
            group=group, collection=root, permission__content_type__app_label__in=MEDIA_APPS
        ).delete()
        for permission in permissions(Permission, SHARED_COLLECTION_PERMISSIONS):
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=shared, permission=permission
            )


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("home", "0007_roles"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="region",
            name="coordinators",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="auth.group",
                verbose_name="coordinators",
            ),
        ),
        migrations.AddField(
            model_name="region",
            name="collection",
            field=models.ForeignKey(
                editable=False,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="wagtailcore.collection",
                verbose_name="collection",
            ),
        ),
        migrations.AlterField(
            model_name="regioncoordinatorstask",
            name="groups",
            field=models.ManyToManyField(
                blank=True,
                help_text=(
                    "Pages with a region go to the coordinators of their region; "
                    "pages without one go to these groups."
                ),
                related_name="+",
                to="auth.group",
                verbose_name="groups for pages without a region",
            ),
        ),
        migrations.RunPython(bind_regions, migrations.RunPython.noop),
    ]
