"""Searching all languages also finds what is written with the glossary's
translation of a term, and names spelled in the other script."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import GlossaryTermFactory


@pytest.fixture
def glossary(db):
    return [
        GlossaryTermFactory(
            term_ru="интеллектуальная собственность", term_en="intellectual property"
        ),
        GlossaryTermFactory(
            term_ru="малые и средние предприятия", term_en="SMEs", forms_en="small businesses"
        ),
    ]


def titles(response):
    return sorted(str(item.page.title) for item in response.context["outcome"].items if item.page)


@pytest.fixture
def pages(make_page, home_en):
    make_page("ip-ru", "Как защитить интеллектуальную собственность", intro="Патенты.")
    make_page("ip-en", "Intellectual property for beginners", parent=home_en)
    make_page("sme-en", "Financing for SMEs", parent=home_en)
    make_page("person-ru", "Интервью: Анна Петрова", intro="Иванов и партнёры.")
    make_page("person-en", "Meet Sergey Ivanov", parent=home_en, intro="Zhukov Engineering.")


@pytest.mark.django_db
def test_a_russian_query_finds_english_items_through_the_glossary(client, glossary, pages):
    response = client.get("/ru/search/", {"q": "интеллектуальной собственности", "all": "1"})

    assert titles(response) == [
        "Intellectual property for beginners",
        "Как защитить интеллектуальную собственность",
    ]
    # The translation found is marked in the result, as the words typed are.
    assert "<mark>Intellectual</mark> <mark>property</mark>" in response.text


@pytest.mark.django_db
def test_an_english_query_finds_russian_items_through_the_glossary(client, glossary, pages):
    response = client.get("/en/search/", {"q": "intellectual property", "all": "1"})

    assert titles(response) == [
        "Intellectual property for beginners",
        "Как защитить интеллектуальную собственность",
    ]


@pytest.mark.django_db
def test_other_forms_of_a_term_find_its_translation(client, glossary, pages):
    response = client.get(
        "/ru/search/", {"q": "финансирование малых и средних предприятий", "all": "1"}
    )
    assert titles(response) == []  # "финансирование" has no translation: all words must match

    response = client.get("/ru/search/", {"q": "малых и средних предприятий", "all": "1"})
    assert titles(response) == ["Financing for SMEs"]

    response = client.get("/en/search/", {"q": "small businesses", "all": "1"})
    assert titles(response) == ["Financing for SMEs"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "query", "found"),
    [
        ("ru", "Иванов", ["Meet Sergey Ivanov", "Интервью: Анна Петрова"]),
        ("en", "Ivanov", ["Meet Sergey Ivanov", "Интервью: Анна Петрова"]),
        ("en", "Petrova", ["Интервью: Анна Петрова"]),
        ("ru", "Жуков", ["Meet Sergey Ivanov"]),
        ("ru", "Сергей Иванов", ["Meet Sergey Ivanov"]),
    ],
)
def test_names_are_found_in_either_script(client, glossary, pages, language, query, found):
    response = client.get(f"/{language}/search/", {"q": query, "all": "1"})

    assert titles(response) == found


@pytest.mark.django_db
def test_only_names_are_spelled_in_the_other_script(client, glossary, pages, make_page, home_en):
    make_page("patents-ru", "Патенты", intro="Как получить патент.")
    make_page("patents-en", "Patents", parent=home_en)

    # "patent" is no name: it finds "патент" only if the glossary says so.
    response = client.get("/en/search/", {"q": "patent", "all": "1"})

    assert titles(response) == ["Patents"]


@pytest.mark.django_db
def test_without_all_languages_nothing_is_added(client, glossary, pages):
    ru = client.get("/ru/search/", {"q": "интеллектуальная собственность"})
    en = client.get("/en/search/", {"q": "Ivanov"})

    assert titles(ru) == ["Как защитить интеллектуальную собственность"]
    assert titles(en) == ["Meet Sergey Ivanov"]


@pytest.mark.django_db
def test_a_query_that_is_all_glossary_terms_and_names_is_fine(client, glossary, pages):
    query = " ".join(["интеллектуальная собственность", "SMEs", "Иванов", "Ivanov"] * 20)
    response = client.get("/ru/search/", {"q": query, "all": "1"})

    assert response.status_code == 200
    assert not response.context["outcome"].failed
    assert response.context["params"].shortened


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["x" * 5000, "ж" * 199, "' OR 1=1 --", '"intellectual" * NEAR(x)', "ёлка ЁЛКА 123"]
)
def test_bad_queries_in_all_languages_are_fine(client, glossary, pages, query):
    response = client.get("/ru/search/", {"q": query, "all": "1"})

    assert response.status_code == 200
    assert not response.context["outcome"].failed


@pytest.mark.django_db
def test_the_glossary_costs_no_query_once_cached(client, glossary, pages):
    data = {"q": "интеллектуальная собственность", "all": "1"}
    plain_data = {"q": "патенты", "all": "1"}
    for _warm in range(2):
        client.get("/ru/search/", data)
        client.get("/ru/search/", plain_data)

    with CaptureQueriesContext(connection) as plain:
        assert len(client.get("/ru/search/", plain_data).context["outcome"].items) == 1
    with CaptureQueriesContext(connection) as expanded:
        assert len(client.get("/ru/search/", data).context["outcome"].items) == 2

    assert len(expanded) == len(plain) <= 16
    assert not any("glossary" in query["sql"] for query in expanded.captured_queries)


@pytest.mark.django_db
def test_a_changed_glossary_is_used_at_once(client, glossary, pages):
    data = {"q": "патенты", "all": "1"}
    assert titles(client.get("/ru/search/", data)) == [
        "Как защитить интеллектуальную собственность"
    ]

    term = glossary[0]
    term.forms_ru = "патенты"
    term.save()

    assert titles(client.get("/ru/search/", data)) == [
        "Intellectual property for beginners",
        "Как защитить интеллектуальную собственность",
    ]
