"""What belongs to a region: member profiles, companies, region pages,
news, library items, events and regional information pages.

A model takes part by mixing in RegionMixin, which gives it the `region`
field (a home.Region, optional by default) and its admin panel. Page types
whose coordinators may also edit them outside their region's subtree
(library items, events) mix in RegionalEditMixin instead.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from home.region_permissions import RegionalPagePermissionTester


def region_field(*, required=False, **options):
    """The `region` foreign key of RegionMixin. Use it to redeclare
    `region` in a model whose region is required (`required=True`: a
    region in use cannot be deleted) or has its own `help_text` or
    `editable`."""
    if required:
        defaults = {"on_delete": models.PROTECT}
    else:
        defaults = {"null": True, "blank": True, "on_delete": models.SET_NULL}
    return models.ForeignKey(
        "home.Region", verbose_name=_("region"), related_name="+", **(defaults | options)
    )


class RegionMixin(models.Model):
    """A model that belongs to one region (or to none)."""

    region = region_field()

    # For the model's panels (pages): where the region is chosen.
    region_panel = FieldPanel("region")

    class Meta:
        abstract = True


class RegionalEditMixin(RegionMixin):
    """A page type that the coordinators of its region may edit wherever
    it is in the tree (see home/region_permissions.py)."""

    class Meta:
        abstract = True

    def permissions_for_user(self, user):
        return RegionalPagePermissionTester(user, self)
