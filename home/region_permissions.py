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

from home.region_roles import user_coordinates
from home.workflows import region_of


def coordinates_region_of(user, page):
    """Whether `user` is one of the coordinators of `page`'s region."""
    return user_coordinates(user, region_of(page))


class RegionalPagePermissionTester(PagePermissionTester):
    """Wagtail's permissions, and editing for the coordinators of the
    page's region."""

    def can_edit(self):
        return super().can_edit() or (
            not self.page_is_root and coordinates_region_of(self.user, self.page)
        )
