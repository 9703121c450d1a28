"""Editors pin results for a query, per language (Wagtail's search
promotions)."""

import pytest
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from tests.factories import translate


@pytest.fixture
def pinned(make_page, home_en):
    guide = make_page("guide", "Путеводитель по патентам", intro="С чего начать.")
    guide_en = translate(guide, title="A guide to patents")
    query = Query.get("Patents")
    SearchPromotion.objects.create(query=query, page=guide, sort_order=0, description="Русский")
    SearchPromotion.objects.create(query=query, page=guide_en, sort_order=1, description="English")
    SearchPromotion.objects.create(
        query=query,
        external_link_url="https://patents.example/",
        external_link_text="Patent office",
        sort_order=2,
    )
    return guide, guide_en


@pytest.mark.django_db
def test_each_language_shows_its_own_pinned_page_and_the_external_link(client, pinned):
    russian = client.get("/ru/search/", {"q": "patents"})
    english = client.get("/en/search/", {"q": "  PATENTS "})

    assert 'href="/ru/guide/"' in russian.text and "Русский" in russian.text
    assert "A guide to patents" not in russian.text
    assert 'href="/en/guide/"' in english.text and "English" in english.text
    assert "Путеводитель" not in english.text
    for response in (russian, english):
        assert 'href="https://patents.example/"' in response.text
        assert "search-promotions" in response.text


@pytest.mark.django_db
def test_searching_all_languages_shows_the_pinned_pages_of_both(client, pinned):
    response = client.get("/en/search/", {"q": "patents", "all": "1"})

    picks = [pick.page_id for pick in response.context["outcome"].promotions if pick.page_id]
    assert picks == [page.pk for page in pinned]


@pytest.mark.django_db
def test_no_promotions_for_other_queries_or_later_pages(client, pinned, make_page):
    for number in range(12):
        make_page(f"p{number}", f"Patents {number}")

    assert client.get("/ru/search/", {"q": "licences"}).context["outcome"].promotions == []
    second = client.get("/ru/search/", {"q": "patents", "page": "2"})
    assert second.context["outcome"].promotions == []
