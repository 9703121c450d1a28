"""Whatever is typed, the search page answers with a normal results page."""

import pytest

from search.params import MAX_QUERY_LENGTH, parse
from tests.factories import BlogPostFactory, ForumTopicFactory

ODD_QUERIES = [
    "",
    " ",
    "x" * 100_000,
    '"unclosed',
    '"управление знаниями"',
    "иннова*",
    "*",
    "AND OR NOT NEAR",
    "инновации NEAR/3 маркетинг",
    "(инновации OR",
    ")) ((",
    "-",
    "- инновации",
    "😀",
    "инновации 😀",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "title:инновации",
    "{title body} : инновации",
    "Иннoвации",  # a Latin "o" among Cyrillic letters
    "RUSMECO сообщество",
    "%_\\",
    "\x00",
]


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
def test_odd_queries_give_a_normal_results_page(client, make_page, query):
    make_page("innovation", "Инновации и маркетинг", intro="Управление знаниями.")

    response = client.get("/ru/search/", {"q": query, "page": "not-a-number"})
    suggestions = client.get("/ru/search/suggest/", {"q": query})

    assert response.status_code == 200
    assert 'class="message message-error"' not in response.text
    assert suggestions.status_code == 200
    assert isinstance(suggestions.json()["results"], list)


@pytest.mark.django_db
def test_operator_words_are_plain_words(client, make_page):
    make_page("innovation", "Инновации и маркетинг")

    response = client.get("/ru/search/", {"q": "инновации OR патенты"})

    assert response.context["outcome"].count == 0  # "or" and "патенты" must both match


@pytest.mark.django_db
def test_a_long_query_is_cut_and_the_visitor_told(client, home_ru):
    response = client.get("/en/search/", {"q": "innovation " * 5_000})

    assert response.status_code == 200
    assert "Only the first 200 characters" in response.text
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH


def test_queries_are_reduced_to_words():
    params = parse({"q": ' "Управление" AND (знаниями) -рынки* 😀 ', "year": "2006", "type": "x"})

    assert params.query == "управление and знаниями рынки"
    assert params.facets == {"year": "2006"}
    assert parse({"q": "слово " * 20}).query.count("слово") == 12


@pytest.mark.django_db
def test_page_numbers_out_of_range_show_the_last_page(client, make_page):
    make_page("a", "Инновации")

    response = client.get("/ru/search/", {"q": "инновации", "page": "99999999999999999999"})

    assert response.status_code == 200
    assert response.context["outcome"].results.number == 1


@pytest.mark.django_db
@pytest.mark.parametrize("query", ODD_QUERIES)
@pytest.mark.parametrize("kind", ["forums.topic", "blogs.blogpost", ""])
def test_odd_queries_among_topics_and_blog_posts_give_a_normal_page(
    client, board_ru, blogs_ru, query, kind
):
    ForumTopicFactory(board=board_ru, title="Инновации и маркетинг", first_post="Управление.")
    BlogPostFactory(title="Инновации и маркетинг", body="Управление знаниями.")

    response = client.get("/ru/search/", {"q": query, "type": kind, "page": "99999"})

    assert response.status_code == 200
    assert 'class="message message-error"' not in response.text


@pytest.mark.django_db
def test_a_topic_or_blog_post_page_number_out_of_range_shows_the_last_page(
    client, board_ru, blogs_ru
):
    ForumTopicFactory(board=board_ru, title="Инновации")
    BlogPostFactory(title="Инновации")

    response = client.get("/ru/search/", {"q": "инновации", "page": "-5"})
    forum = client.get("/ru/search/", {"q": "инновации", "type": "forums.topic", "page": "9"})

    assert response.context["outcome"].results.number == 1
    assert len(response.context["outcome"].items) == 2
    assert len(forum.context["outcome"].items) == 1
