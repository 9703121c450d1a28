"""The coordinators' panel costs the same number of SQL queries however
much work waits in the regions: one for the user's region groups, one for
the regions' names and one per section."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from editorial.wagtail_hooks import add_coordinators_panel
from tests.factories import CITIES, may_edit, put_work

# Regions' names, reviews, translations, events, comments; a coordinator's
# region groups and page permissions come on top (a superuser needs neither).
PANEL_QUERIES = {"moscow": 7, "admin": 5}


def render_panel(rf, user):
    """(number of queries, the panel's HTML) of one dashboard view."""
    request = rf.get("/admin/")
    # A fresh user, as each request has: Wagtail remembers page permissions
    # on the user object.
    request.user = type(user).objects.get(pk=user.pk)
    with CaptureQueriesContext(connection) as queries:
        panels = []
        add_coordinators_panel(request, panels)
        html = panels[0].render_html({"request": request})
    return len(queries), BeautifulSoup(html, "html.parser")


def reviews_of(panel):
    return panel.find(id="editorial-region-moscow").find(attrs={"data-section": "reviews"})


# Both users' panels are measured on the same work: putting it in place is
# the slow part.


@pytest.mark.django_db
def test_the_panel_costs_the_same_queries_with_little_or_much_work(
    rf, regions, library_ru, library_en, calendar_ru, calendar_en, staff
):
    users = {who: staff[who] for who in PANEL_QUERIES}
    may_edit("moscow", library_ru)
    for user in users.values():
        render_panel(rf, user)  # content types are cached from here on

    for slug in CITIES:
        put_work(regions[slug], library_ru, calendar_ru, staff["editor"], copies=1)
    small = {who: render_panel(rf, user)[0] for who, user in users.items()}
    for slug in CITIES:
        put_work(regions[slug], library_ru, calendar_ru, staff["editor"], copies=6)
    large, panels = {}, {}
    for who, user in users.items():
        large[who], panels[who] = render_panel(rf, user)

    assert small == large == PANEL_QUERIES
    for panel in panels.values():
        reviews = reviews_of(panel)
        assert reviews.find(attrs={"data-count": True}).get_text() == "7"
        assert len(reviews.find_all("li")) == 5
        assert "и ещё 2" in reviews.get_text()
