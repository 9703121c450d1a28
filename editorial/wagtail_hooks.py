"""The editorial app's part in the admin: the coordinators' panel on the
dashboard, for region coordinators and superusers only."""

from wagtail import hooks

from editorial.dashboard import CoordinatorsPanel
from editorial.regions import coordinated_region_slugs


@hooks.register("construct_homepage_panels")
def add_coordinators_panel(request, panels):
    region_slugs = coordinated_region_slugs(request.user)
    # Editors, translators and admins who coordinate no region have
    # nothing to see here; superusers (None) oversee every region.
    if region_slugs is None or region_slugs:
        panels.append(CoordinatorsPanel(request.user, region_slugs))
