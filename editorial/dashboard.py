"""The coordinators' panel on the admin dashboard: for each region the user
coordinates (every region for superusers), what waits for them — reviews,
translations, upcoming events and comments.

The panel costs the same few queries whatever the amount of content: one
for the regions' names, one per section (see editorial/sections.py) and
Wagtail's look-up of the user's page permissions.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.admin.ui.components import Component

from editorial.moderation import comments_waiting
from editorial.reviews import waiting_for_review
from editorial.translations import translations_to_do
from editorial.upcoming import events_ahead
from home.models import Region

SECTIONS = (waiting_for_review, translations_to_do, events_ahead, comments_waiting)


@dataclass(frozen=True)
class RegionName:
    slug: str
    name: str


def named_regions(slugs, language_code):
    """The regions with these slugs (every region for None), in their
    order, named in `language_code` or else in the source language. A
    coordinator's group whose region does not exist yet shows its slug."""
    terms = Region.objects.filter(
        locale__language_code__in={language_code, settings.LANGUAGE_CODE}
    ).order_by("sort_order", "slug")
    if slugs is not None:
        terms = terms.filter(slug__in=slugs)
    names = {}
    for slug, name, language in terms.values_list("slug", "name", "locale__language_code"):
        if language == language_code or slug not in names:
            names[slug] = name
    for slug in slugs or ():
        names.setdefault(slug, slug)
    return [RegionName(slug, name) for slug, name in names.items()]


def admin_language():
    """The active language as one of LANGUAGES ("en" for "en-gb")."""
    try:
        return translation.get_supported_language_variant(translation.get_language())
    except LookupError:
        return settings.LANGUAGE_CODE


@dataclass(frozen=True)
class RegionSummary:
    region: RegionName
    sections: list

    @property
    def anchor(self):
        return f"editorial-region-{self.region.slug}"


class CoordinatorsPanel(Component):
    name = "coordinators_dashboard"
    template_name = "editorial/coordinators_panel.html"
    # Above Wagtail's own panels ("Awaiting your review" is 220).
    order = 150

    def __init__(self, user, region_slugs):
        """`region_slugs`: the regions `user` coordinates; None for all."""
        self.user = user
        self.region_slugs = region_slugs

    def get_context_data(self, parent_context=None):
        # The admin has switched to the user's preferred language by now.
        regions = named_regions(self.region_slugs, admin_language())
        if not regions:
            # A superuser on a site that has no regions yet.
            return {"regions": []}
        slugs = [region.slug for region in regions]
        sections = [build(slugs, self.user) for build in SECTIONS]
        return {
            "heading": _("All regions") if self.region_slugs is None else _("Your regions"),
            "regions": [
                RegionSummary(
                    region, [(section, section.entry(region.slug)) for section in sections]
                )
                for region in regions
            ],
        }
