"""Every listing pages the same way: a stale or malformed page number still
shows a page, and the links keep the rest of the query string."""

from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

from home.pagination import page_of


def test_a_missing_or_malformed_number_is_the_first_page_and_past_the_end_the_last():
    items = list(range(45))

    def number(query):
        return page_of(RequestFactory().get("/", query), items, 20).number

    assert number({}) == 1
    assert number({"page": "abc"}) == 1
    assert number({"page": "2"}) == 2
    assert number({"page": "999"}) == 3


def render_links(query, **context):
    request = RequestFactory().get("/", query)
    page = page_of(request, list(range(45)), 20)
    return render_to_string(
        "includes/pagination.html", {"page_obj": page, **context}, request=request
    )


def test_the_links_keep_the_query_string_and_name_themselves_in_both_languages():
    with translation.override("ru"):
        html = render_links({"region": "moscow", "page": "2"})
    with translation.override("en"):
        english = render_links({"page": "3"}, label="Pages of results")

    assert '<nav class="pagination" aria-label="Страницы">' in html
    assert '<a href="?region=moscow&amp;page=1" rel="prev">Назад</a>' in html
    assert "<span>Страница 2 из 3</span>" in html
    assert '<a href="?region=moscow&amp;page=3" rel="next">Далее</a>' in html
    assert 'aria-label="Pages of results"' in english
    assert '<a href="?page=2" rel="prev">Previous</a>' in english
    assert "Page 3 of 3" in english and 'rel="next"' not in english


def test_a_single_page_has_no_links():
    request = RequestFactory().get("/")
    page = page_of(request, [1, 2], 20)

    assert render_to_string("includes/pagination.html", {"page_obj": page}).strip() == ""
