"""The search page and the header's search box, in both languages, with
and without JavaScript."""

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import Client
from wagtail.models import Page

from search.models import SearchRecord
from tests.factories import translate


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "heading", "count"),
    [("ru", "Поиск", "2 результата"), ("en", "Search", "2 results")],
)
def test_search_page_in_both_languages(client, make_page, home_en, language, heading, count):
    make_page("a", "Kick-off: инновации")
    make_page("b", "Kick-off: маркетинг")
    for page in Page.objects.filter(slug__in=["a", "b"]):
        translate(page.specific, title=page.title.replace("инновации", "innovation"))

    response = client.get(f"/{language}/search/", {"q": "kick-off"})

    assert f'<html lang="{language}"' in response.text
    assert f"<h1>{heading}</h1>" in response.text
    assert count in response.text
    assert '<meta name="robots" content="noindex">' in response.text


@pytest.mark.django_db
def test_results_are_paginated_keeping_the_query(client, make_page):
    for number in range(12):
        make_page(f"p{number}", f"Инновации {number}")

    first = client.get("/ru/search/", {"q": "инновации"})
    second = client.get("/ru/search/", {"q": "инновации", "page": "2"})

    assert len(first.context["outcome"].items) == 10
    assert len(second.context["outcome"].items) == 2
    assert (
        'href="?q=%D0%B8%D0%BD%D0%BD%D0%BE%D0%B2%D0%B0%D1%86%D0%B8%D0%B8&amp;page=2" rel="next"'
        in first.text
    )
    assert "Страница 1 из 2" in first.text


@pytest.mark.django_db
def test_the_search_works_as_a_plain_form_without_javascript(home_ru):
    client = Client(enforce_csrf_checks=True)
    home = client.get("/ru/").text

    assert 'action="/ru/search/" method="get"' in home
    assert client.get("/ru/search/", {"q": "сообщество"}).status_code == 200


@pytest.mark.django_db
def test_the_page_loads_the_autocomplete_script_and_names_its_endpoint(client, home_ru):
    response = client.get("/ru/search/", {"q": "x"})

    assert "js/search.js" in response.text
    assert 'data-autocomplete-url="/ru/search/suggest/"' in response.text


@pytest.mark.django_db
def test_autocomplete_answers_json_titles_of_the_current_language(client, make_page, home_en):
    make_page("a", "Инновационный маркетинг")

    russian = client.get("/ru/search/suggest/", {"q": "Иннов марке"})
    english = client.get("/en/search/suggest/", {"q": "Иннов марке"})

    assert russian["Content-Type"] == "application/json"
    assert russian.json() == {"results": [{"title": "Инновационный маркетинг", "url": "/ru/a/"}]}
    assert english.json() == {"results": []}
    assert client.get("/ru/search/suggest/", {"q": "и"}).json() == {"results": []}


@pytest.mark.django_db
def test_only_get_is_allowed(client, home_ru):
    assert client.post("/ru/search/", {"q": "x"}).status_code == 405
    assert client.post("/ru/search/suggest/", {"q": "x"}).status_code == 405


@pytest.mark.django_db
def test_records_follow_publishing_and_update_index(make_page, regions):
    page = make_page("a", "Инновации", intro="Вступление.", region=regions["moscow"])
    record = SearchRecord.objects.get(page=page)
    assert record.excerpt.startswith("Вступление.")
    assert record.facet_slugs("region") == ["moscow"]

    page.region = regions["ekaterinburg"]
    page.save_revision().publish()
    assert SearchRecord.objects.get(page=page).facet_slugs("region") == ["ekaterinburg"]

    SearchRecord.objects.all().delete()
    call_command("update_index", verbosity=0)
    assert SearchRecord.objects.get(page=page).facet_slugs("region") == ["ekaterinburg"]

    page.delete()
    assert not SearchRecord.objects.filter(page_id=page.pk).exists()


@pytest.mark.django_db
def test_a_page_indexed_twice_keeps_one_entry_found_by_its_new_title(client, make_page):
    """The worker and a request may both index a page just published: the
    second indexing updates the first one's entry."""
    from modelsearch.index import insert_or_update_object
    from wagtail.search.models import IndexEntry

    page = make_page("a", "Инновации")
    page.title = "Маркетинг"
    insert_or_update_object(page)
    insert_or_update_object(page)

    entries = IndexEntry.objects.filter(object_id=str(page.pk))
    assert entries.count() == 1
    found = client.get("/ru/search/", {"q": "маркетинг"})
    assert found.context["outcome"].items
    assert not client.get("/ru/search/", {"q": "инновации"}).context["outcome"].items


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "инновации",
        "инновации и маркетинг",  # "и" is a stop word
        "kick-off",  # "off" is a stop word
        "kick-off meeting",
    ],
)
def test_every_page_counted_is_listed(client, make_page, query):
    """Words the database leaves out of the match (stop words) count and
    list the same pages, the words only in the text as well as in the title."""
    make_page("a", "Маркетинг", intro="Our kick-off meeting: инновации и маркетинг.")
    make_page("b", "Другое", intro="Nothing here.")

    soup = BeautifulSoup(client.get("/ru/search/", {"q": query}).text, "html.parser")

    assert soup.select_one(".result-count").get_text(strip=True) == "1 результат"
    listed = [item.get_text(" ", strip=True) for item in soup.select(".search-results > li")]
    assert len(listed) == 1
    assert "Маркетинг" in listed[0]
