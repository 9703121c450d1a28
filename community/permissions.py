"""A region's coordinators edit and publish everything under their
region's page, and nothing under another region's.

Wagtail's page permissions are given per subtree, so when a region page is
created (in any language) its region's coordinators group ("Region
coordinators: <region slug>", see home/workflows.py) receives the page
permissions on it. Pages elsewhere in the tree with a region (library
items, events) reach the region's coordinators through the regional review
instead.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from home.workflows import region_group_name

COORDINATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


def grant_region_page(region_page):
    group = Group.objects.filter(name=region_group_name(region_page.region.slug)).first()
    if group is None:
        return
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=COORDINATOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=region_page, permission=permission
        )


def on_region_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_region_page(instance)
