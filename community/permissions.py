"""A region's coordinators edit and publish everything under their
region's page, and nothing under another region's.

Wagtail's page permissions are given per subtree, so when a region page is
created (in any language) its region's coordinators group (the region's
own, `Region.coordinators`, see home/region_roles.py) receives the page
permissions on it. Pages elsewhere in the tree with a region (library
items, events) reach the region's coordinators through the regional review
instead.
"""

from django.contrib.auth.models import Permission
from wagtail.models import GroupPagePermission

COORDINATOR_PAGE_PERMISSIONS = [
    "add_page",
    "change_page",
    "publish_page",
    "lock_page",
    "unlock_page",
]


def grant_region_page(region_page):
    region = region_page.region
    if region is None or region.coordinators_id is None:
        return
    group = region.coordinators
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=COORDINATOR_PAGE_PERMISSIONS
    ):
        GroupPagePermission.objects.get_or_create(
            group=group, page=region_page, permission=permission
        )


def on_region_page_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        grant_region_page(instance)
