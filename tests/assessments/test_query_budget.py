"""The assessment page, the result just taken and a saved result with its
benchmark, progress and recommendations render in a number of SQL queries
that stays within the portal's budget of 15 and does not grow when results,
library items, events and listings grow tenfold."""

import pytest
from django.test import Client

from home.models import SiteSettings
from tests.assessments.answering import answers, route
from tests.factories import (
    ArticlePageFactory,
    AssessmentResultFactory,
    CompanyFactory,
    EventPageFactory,
    ListingPageFactory,
    MemberFactory,
)
from tests.helpers import warm_queries

BUDGET = 15


def fill(assessment, library, calendar, partners, regions, topics, size):
    """`size` library items, events and listings in the themes of the two
    weakest dimensions, and `size` × 5 other members' results in Moscow."""
    weak = [topics["innovation-marketing"], topics["ipr"]]
    for number in range(size):
        item = ArticlePageFactory(parent=library)
        item.topics.set(weak)
        item.save_revision().publish()
        event = EventPageFactory(parent=calendar)
        event.topics.set(weak[number % 2 :])
        event.save_revision().publish()
        ListingPageFactory(parent=partners, topics=weak)
    for _ in range(size * 5):
        AssessmentResultFactory(
            assessment=assessment, region=regions["moscow"], sector="software", score=40
        )


@pytest.fixture
def member(regions):
    member = MemberFactory()
    member.profile.region = regions["moscow"]
    member.profile.save()
    CompanyFactory(manager=member, sector="software")
    return member


LEVELS = {"dim-1": (0, 0), "dim-2": (0, 1), "dim-3": (3, 3)}


@pytest.mark.django_db
def test_the_pages_stay_within_budget(
    assessment_ru, library_ru, calendar_ru, partners_ru, regions, topics, site, member
):
    SiteSettings.for_site(site)
    AssessmentResultFactory(assessment=assessment_ru, member=member, score=30)
    own = AssessmentResultFactory(
        assessment=assessment_ru,
        member=member,
        region=regions["moscow"],
        sector="software",
        scores={"dim-1": 10, "dim-2": 20, "dim-3": 90},
    )
    visitor = Client()
    signed_in = Client()
    signed_in.force_login(member)
    pages = [
        (visitor, assessment_ru.url),
        (signed_in, assessment_ru.url),
        (visitor, route(assessment_ru, "result")),
        (signed_in, route(assessment_ru, "result")),
        (signed_in, route(assessment_ru, "saved", own.pk)),
        (signed_in, route(assessment_ru, "results")),
    ]
    for client in (visitor, signed_in):
        client.post(assessment_ru.url, answers(assessment_ru, LEVELS))

    counts = []
    for size in (4, 40):
        fill(assessment_ru, library_ru, calendar_ru, partners_ru, regions, topics, size)
        counts.append([len(warm_queries(client, url)) for client, url in pages])
    small, large = counts
    print("queries per page (4, 40):", small, large)
    assert max(small) <= BUDGET, small
    assert small == large

    # The saved result did show everything counted.
    response = signed_in.get(route(assessment_ru, "saved", own.pk))
    assert response.context["benchmark"]["region_shown"]
    found = response.context["recommendations"]
    assert [len(found[kind]) for kind in ("library", "events", "listings")] == [3, 3, 3]
