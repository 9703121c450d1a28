"""Who coordinates a region, and where its images and documents live.

A region's rights are bound to the region itself: `Region.coordinators` is
the group of its coordinators and `Region.collection` the Wagtail
collection of its images and documents. Both are shared by the region's
translations, set when the region is first saved and not editable in the
admin. Nothing here reads a region's slug or a group's name to decide a
right, so renaming either moves no rights. Region coordinators may not
change regions at all (home 0008); the head office's Coordinators may.

Use `user_coordinates(user, region)` to ask whether someone coordinates a
region and `regions_coordinated_by(user)` for the regions they coordinate;
every part of the portal that gives a region's coordinators a right asks
one of these.

A new region gets a group and a collection of its own. Its group is the
group "Region coordinators: <slug>" if one exists that no region has yet
(the founding regions' groups are made by home 0006 before there are
regions), otherwise a new group of that name; the name is only a label.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import Collection, GroupCollectionPermission

from home.access import groups_of

REGION_GROUP_PREFIX = "Region coordinators: "
SHARED_COLLECTION_NAME = "Shared"

# What a new region's group may do besides its region's pages (given when
# its region page is created, community/permissions.py).
COORDINATOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("wagtail_localize", "submit_translation"),
    ("home", "change_topic"),
    # They keep the community's glossary with the other coordinators.
    ("glossary", "add_glossaryterm"),
    ("glossary", "change_glossaryterm"),
    ("glossary", "delete_glossaryterm"),
    ("glossary", "add_markedterms"),
    ("glossary", "change_markedterms"),
    ("glossary", "delete_markedterms"),
]
# In its own collection a region's coordinators add, replace and choose
# images and documents; in the shared one they only choose.
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


def region_group_name(region_slug):
    """The name a new region's group is given: a label, not a right."""
    return f"{REGION_GROUP_PREFIX}{region_slug}"


# --- asking ----------------------------------------------------------------


def _group_ids(user):
    if user.is_anonymous or not user.is_active:
        return frozenset()
    # The member's groups from home/access.py: cached, and read again as
    # soon as any membership or group changes.
    return frozenset(pk for pk, _ in groups_of(user))


def user_coordinates(user, region):
    """Whether `user` is one of the coordinators of `region` (a home.Region
    in any language, or None)."""
    return (
        region is not None
        and region.coordinators_id is not None
        and region.coordinators_id in _group_ids(user)
    )


def regions_coordinated_by(user):
    """The regions (in every language) whose coordinators `user` is one of."""
    from home.models import Region

    if user.is_anonymous or not user.is_active:
        return Region.objects.none()
    return Region.objects.filter(coordinators__user=user)


def coordinated_region_slugs(user):
    """The slugs of the regions `user` coordinates (a frozenset, the same in
    every language). One query, remembered on the user for the request:
    the admin's menu, dashboard and reports ask several times a screen."""
    if "_coordinated_region_slugs" not in user.__dict__:
        slugs = regions_coordinated_by(user).values_list("slug", flat=True)
        user.__dict__["_coordinated_region_slugs"] = frozenset(slugs)
    return user.__dict__["_coordinated_region_slugs"]


# --- giving a new region its group and collection -----------------------------


def shared_collection():
    """The collection every region's coordinators choose from."""
    root = Collection.get_first_root_node()
    shared = root.get_children().filter(name=SHARED_COLLECTION_NAME).first()
    return shared or root.add_child(name=SHARED_COLLECTION_NAME)


def equip_region(region):
    """Give an unsaved or new `region` its coordinators' group and its
    collection: those of its other language versions, or new ones."""
    from home.models import Region

    sibling = (
        Region.objects.filter(translation_key=region.translation_key)
        .exclude(pk=region.pk)
        .exclude(coordinators=None)
        .exclude(collection=None)
        .first()
    )
    if sibling is not None:
        region.coordinators_id = sibling.coordinators_id
        region.collection_id = sibling.collection_id
        return
    if region.coordinators_id is None:
        region.coordinators = _new_group(region)
    if region.collection_id is None:
        region.collection = Collection.get_first_root_node().add_child(name=region.name)
    grant_collections(region.coordinators, region.collection)


def _new_group(region):
    from home.models import Region

    taken = Region.objects.exclude(coordinators=None).values("coordinators")
    name = region_group_name(region.slug)
    group = Group.objects.filter(name=name).exclude(pk__in=taken).first()
    if group is not None:
        return group
    number = 1
    while Group.objects.filter(name=name).exists():
        number += 1
        name = f"{region_group_name(region.slug)} ({number})"
    group = Group.objects.create(name=name)
    group.permissions.add(*_permissions(COORDINATOR_PERMISSIONS))
    return group


def _permissions(pairs):
    found = []
    for app_label, codename in pairs:
        found.append(Permission.objects.get(content_type__app_label=app_label, codename=codename))
    return found


def grant_collections(group, collection):
    """`group` works in `collection` and chooses from the shared one."""
    grants = [(collection, p) for p in _permissions(OWN_COLLECTION_PERMISSIONS)]
    shared = shared_collection()
    grants += [(shared, p) for p in _permissions(SHARED_COLLECTION_PERMISSIONS)]
    for target, permission in grants:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=target, permission=permission
        )
