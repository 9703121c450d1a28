"""Translators see the glossary terms of the page they translate, with the
glossary's translation, under wagtail-localize's translation editor."""

import pytest

from tests.factories import (
    ArticlePageFactory,
    GlossaryTermFactory,
    MemberFactory,
    translate_with_localize,
)
from tests.helpers import AdminClient, logged_in


@pytest.fixture
def article_en(library_ru, library_en, db):
    GlossaryTermFactory(
        term_ru="интеллектуальная собственность",
        term_en="intellectual property",
        definition_en="Rights to <inventions> & creative work.",
    )
    GlossaryTermFactory(term_ru="лицензия", term_en="licence")
    GlossaryTermFactory(term_ru="лизинг", term_en="leasing")
    article = ArticlePageFactory(
        parent=library_ru,
        title="Как защитить интеллектуальную собственность",
        body=[
            ("paragraph", "<p>Реестр <b>интеллектуальной собственности</b> компании.</p>"),
            ("paragraph", "<p>Две лицензии проданы.</p>"),
        ],
    )
    return translate_with_localize(article, title="Protecting intellectual property")


@pytest.mark.django_db
@pytest.mark.parametrize("role", ["translator", "coordinator", "editor"])
def test_the_translation_editor_lists_the_pages_glossary_terms(staff, article_en, role):
    client = AdminClient(staff[role])

    response = client.get(f"/admin/pages/{article_en.pk}/edit/")

    assert response.status_code == 200
    html = response.text
    assert "js-translation-editor" in html  # wagtail-localize's editor is still there
    assert ("Glossary terms on this page" in html) or ("Термины глоссария на этой странице" in html)
    hints = [hint.source_term for hint in response.context["hints"]]
    assert hints == ["интеллектуальная собственность", "лицензия"]
    assert '<th scope="row" lang="ru">интеллектуальная собственность</th>' in html
    assert (
        '<td lang="en"><strong>intellectual property</strong><br>'
        "Rights to &lt;inventions&gt; &amp; creative work.</td>"
    ) in html
    assert "leasing" not in html


@pytest.mark.django_db
def test_the_panel_speaks_the_editors_language(staff, article_en):
    client = AdminClient(staff["coordinator"])  # the admin in Russian

    html = client.get(f"/admin/pages/{article_en.pk}/edit/").text

    assert "Термины глоссария на этой странице" in html
    assert "2 текста" in html  # "интеллектуальная собственность": the title and the body


@pytest.mark.django_db
def test_a_member_sees_no_translation_editor(article_en):
    response = logged_in(MemberFactory()).get(f"/admin/pages/{article_en.pk}/edit/")

    assert response.status_code in (302, 403)
    assert "intellectual property" not in response.text


@pytest.mark.django_db
def test_without_glossary_terms_the_panel_says_so(staff, library_ru, library_en):
    article = ArticlePageFactory(parent=library_ru, title="Просто статья")
    english = translate_with_localize(article, title="Just an article")

    html = AdminClient(staff["coordinator"]).get(f"/admin/pages/{english.pk}/edit/").text

    assert "Терминов глоссария на этой странице нет." in html
