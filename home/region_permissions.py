"""Region coordinators edit (not publish) their region's pages anywhere.

Wagtail's page permissions are given per subtree: a region's coordinators
edit and publish under their region's page (community/permissions.py). Pages
elsewhere in the tree that carry a region (library items, events) reach
them through the regional review; with this they may also open, correct
and translate those pages, and what they save still goes through the review
before it is published (publishing, deleting and moving keep Wagtail's own
rules).

A page type takes part by mixing in home.models.regional.RegionalEditMixin,
which gives it its `region` (a home.Region) and this permission tester.
"""

from wagtail.models import PagePermissionTester

from home.workflows import region_group_name, region_of


def coordinates_region_of(user, page):
    """Whether `user` is one of the coordinators of `page`'s region."""
    if not user.is_active or user.is_anonymous:
        return False
    region = region_of(page)
    if region is None:
        return False
    # Remembered on the user for the request: the editor asks many times.
    checks = user.__dict__.setdefault("_coordinates_region", {})
    if region.slug not in checks:
        checks[region.slug] = user.groups.filter(name=region_group_name(region.slug)).exists()
    return checks[region.slug]


class RegionalPagePermissionTester(PagePermissionTester):
    """Wagtail's permissions, and editing for the coordinators of the
    page's region."""

    def can_edit(self):
        return super().can_edit() or (
            not self.page_is_root and coordinates_region_of(self.user, self.page)
        )
