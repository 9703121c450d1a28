"""Russian and English word forms find each other, on SQLite and PostgreSQL
alike, and title matches come before body matches."""

import pytest
from wagtail.models import Page

from search.backends import postgres


def titles(query, **kwargs):
    return [page.title for page in Page.objects.live().search(query, **kwargs)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query",
    [
        "инновационная компания",  # nominative singular
        "инновационной компании",  # genitive
        "инновационными компаниями",  # instrumental plural
        "инновационных компаниях",  # prepositional plural
    ],
)
def test_russian_nouns_and_adjectives_in_any_case_and_number(make_page, query):
    make_page("case", "Опыт инновационных компаний", intro="Как растут малые предприятия.")

    assert "Опыт инновационных компаний" in titles(query)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["company", "companies", "manage innovation", "managing innovations", "managed"]
)
def test_english_plurals_and_verb_forms(make_page, query):
    make_page("managing", "Managing innovations", intro="How small companies managed to grow.")

    assert titles(query) == ["Managing innovations"]


@pytest.mark.django_db
def test_word_forms_are_matched_in_the_body_too(make_page):
    make_page("ipr", "Семинар в Екатеринбурге", intro="Управление интеллектуальной собственностью.")

    assert titles("интеллектуальная собственность") == ["Семинар в Екатеринбурге"]


@pytest.mark.django_db
def test_unrelated_words_do_not_match(make_page):
    make_page("ipr", "Патенты и лицензии", intro="Охрана изобретений.")

    assert titles("маркетинг") == []
    assert titles("marketing") == []


@pytest.mark.django_db
def test_title_matches_rank_above_body_matches(make_page):
    make_page(
        "body",
        "Встреча участников",
        intro="Маркетинг, маркетинг и ещё раз маркетинг: маркетинговые исследования рынка.",
    )
    make_page("title", "Маркетинг инноваций", intro="Заметки о встрече.")

    assert titles("маркетинга") == ["Маркетинг инноваций", "Встреча участников"]


@pytest.mark.django_db
def test_a_title_match_indexed_last_ranks_first_among_many_body_matches(make_page, monkeypatch):
    """Only the first matches are ranked (search/backends/postgres.py), but
    title matches are always among them, wherever they are in the index."""
    monkeypatch.setattr(postgres, "RANK_CANDIDATES", 3)
    monkeypatch.setattr(postgres, "TITLE_CANDIDATES", 1)
    for number in range(6):
        make_page(f"body-{number}", f"Встреча {number}", intro="Маркетинг и его исследования.")
    make_page("title", "Маркетинг инноваций", intro="Заметки о встрече.")

    found = [page.title for page in Page.objects.live().search("маркетинг")[:2]]

    assert found[0] == "Маркетинг инноваций"


@pytest.mark.django_db
def test_all_words_must_match(make_page):
    make_page("both", "Маркетинг инноваций")
    make_page("one", "Маркетинг услуг")

    assert titles("маркетинг инновации") == ["Маркетинг инноваций"]


@pytest.mark.django_db
def test_autocomplete_matches_the_beginning_of_title_words(make_page):
    make_page("a", "Инновационный маркетинг")
    make_page("b", "Качество продукции")

    found = [page.title for page in Page.objects.live().autocomplete("иннов")]

    assert "Инновационный маркетинг" in found
    assert "Качество продукции" not in found
