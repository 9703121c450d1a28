"""A coordinator translates a case study with wagtail-localize: the English
version exists, shows English themes, and counts in the English library."""

import re

import pytest
from django.urls import reverse

from home.demo import translate
from library.models import CaseStudyPage
from tests.factories import CaseStudyPageFactory

pytestmark = pytest.mark.localize


def theme_count(html, name):
    match = re.search(
        rf">{re.escape(name)}</a> <span class=\"library-count\">\((\d+)\)</span>", html
    )
    return int(match.group(1))


@pytest.fixture
def case_study(library_ru, regions, topics):
    return CaseStudyPageFactory(
        parent=library_ru,
        title="Патент за год",
        topics=[topics["ipr"], topics["quality-management"]],
        region=regions["moscow"],
        situation=[("paragraph", "<p>Компания боялась копий.</p>")],
    )


@pytest.mark.django_db
def test_translating_a_case_study_adds_it_to_the_english_library(client, library_en, case_study):
    before = client.get(library_en.url).text
    assert theme_count(before, "Intellectual property rights") == 0

    english = translate(
        case_study,
        "en",
        {
            "Патент за год": "A patent in a year",
            "Компания боялась копий.": "The company feared copies.",
        },
    )

    assert english.locale.language_code == "en"
    assert english.live and english.url == "/en/library/" + case_study.slug + "/"
    page = client.get(english.url).text
    assert "A patent in a year" in page and "The company feared copies." in page
    assert "Intellectual property rights" in page and "Quality management" in page
    assert "Moscow" in page
    listing = client.get(library_en.url).text
    assert "A patent in a year" in listing
    assert theme_count(listing, "Intellectual property rights") == 1
    assert theme_count(listing, "Quality management") == 1
    assert theme_count(client.get("/ru/library/").text, "Права интеллектуальной собственности") == 1
    theme_page = client.get(f"{library_en.url}topic/ipr/").text
    assert "A patent in a year" in theme_page


@pytest.mark.django_db
def test_a_coordinator_submits_the_translation_in_the_admin(
    client, library_en, case_study, locale_en, coordinator
):
    client.force_login(coordinator)

    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[case_study.pk]),
        {"locales": [locale_en.pk]},
    )

    assert response.status_code == 302
    english = case_study.get_translation(locale_en).specific
    assert isinstance(english, CaseStudyPage)
    assert english.company_name == case_study.company_name
    assert [t.slug for t in english.topics.all()] == ["ipr", "quality-management"]
    assert english.region.locale == locale_en  # the region follows the language
