"""Only what a visitor may see appears: live, public pages of the requested
languages, in results, counts, facets, promotions and autocomplete."""

import datetime

import pytest
from django.utils import timezone
from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

from tests.factories import translate

WORD = "краудфандинг"


@pytest.fixture
def hidden_pages(make_page, about_ru, regions):
    """A public page and four hidden ones, all with WORD in the title."""
    public = make_page("public", f"Открытый {WORD}", region=regions["moscow"])
    draft = make_page("draft", f"Черновик {WORD}", region=regions["ekaterinburg"])
    draft.unpublish()
    private = make_page("private", f"Закрытый {WORD}", region=regions["ekaterinburg"])
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    section = make_page("section", "Раздел для участников")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    inside = make_page("inside", f"Внутренний {WORD}", parent=section)
    expired = make_page("expired", f"Истёкший {WORD}", region=regions["ekaterinburg"])
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    return {"public": public, "hidden": [draft, private, inside, expired]}


@pytest.mark.django_db
def test_results_counts_and_facets_show_only_live_public_pages(client, hidden_pages):
    response = client.get("/ru/search/", {"q": WORD})

    text = response.text
    assert 'href="/ru/public/"' in text
    for page in hidden_pages["hidden"]:
        assert page.title.split()[0] not in text
        assert f'href="/ru/{page.slug}/"' not in text
    assert response.context["outcome"].count == 1
    regions = next(group for group in response.context["outcome"].facets if group.name == "region")
    assert [(option.value, option.count) for option in regions.options] == [("moscow", 1)]


@pytest.mark.django_db
def test_autocomplete_shows_only_live_public_pages(client, hidden_pages):
    response = client.get("/ru/search/suggest/", {"q": "краудф"})

    assert response.json()["results"] == [{"title": f"Открытый {WORD}", "url": "/ru/public/"}]


@pytest.mark.django_db
def test_promoted_pages_must_be_visible_too(client, hidden_pages):
    query = Query.get(WORD)
    for number, page in enumerate([hidden_pages["public"], *hidden_pages["hidden"]]):
        SearchPromotion.objects.create(query=query, page=page, sort_order=number)

    promotions = client.get("/ru/search/", {"q": WORD}).context["outcome"].promotions

    assert [pick.page_id for pick in promotions] == [hidden_pages["public"].pk]


@pytest.mark.django_db
def test_a_draft_translation_is_not_found(client, make_page, home_en, locale_en):
    page = make_page("ipr", "Patents", intro="Охрана изобретений.")
    draft = page.copy_for_translation(locale_en)  # as wagtail-localize starts one

    assert draft.live is False

    assert "Patents" not in client.get("/en/search/", {"q": "patents"}).text
    assert client.get("/en/search/suggest/", {"q": "pate"}).json()["results"] == []


@pytest.mark.django_db
def test_each_language_searches_its_own_pages_unless_asked_for_all(client, make_page, home_en):
    page = make_page("ipr", "Патенты RUSMECO", intro="Охрана изобретений.")
    translate(page, title="RUSMECO patents")

    russian = client.get("/ru/search/", {"q": "rusmeco"}).text
    english = client.get("/en/search/", {"q": "rusmeco"}).text
    both = client.get("/en/search/", {"q": "rusmeco", "all": "1"})

    assert 'href="/ru/ipr/"' in russian and 'href="/en/ipr/"' not in russian
    assert 'href="/en/ipr/"' in english and 'href="/ru/ipr/"' not in english
    assert 'href="/ru/ipr/"' in both.text and 'href="/en/ipr/"' in both.text
    assert 'lang="ru"' in both.text  # the Russian result is marked as such
    assert 'name="all" value="1" checked' in both.text


@pytest.mark.django_db
def test_search_finds_live_public_pages_of_the_current_language_only(client, about_en, about_ru):
    """(Moved from tests/home: the foundation's first search test.)"""
    from home.demo import child_page
    from home.models import StandardPage

    draft = child_page(about_ru, StandardPage, "draft", title="Сообщество черновик")
    draft.unpublish()
    private = child_page(about_ru, StandardPage, "private", title="Сообщество закрытое")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    russian = client.get("/ru/search/", {"q": "Сообщество"}).text
    english = client.get("/en/search/", {"q": "About"}).text

    assert 'href="/ru/about/"' in russian
    assert "черновик" not in russian
    assert "закрытое" not in russian
    assert 'href="/en/about/"' in english
    assert 'href="/ru/about/"' not in english
