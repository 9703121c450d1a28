"""Readers see a marked glossary term's translation on hover and on
keyboard focus, where the page first uses the term, in either language."""

import re

import pytest

from glossary.models import MarkedTerms
from tests.factories import (
    CaseStudyPageFactory,
    EventPageFactory,
    GlossaryTermFactory,
    NewsPageFactory,
    translate,
)
from tests.helpers import content_security_policy, inline_code, queries_on_table, warm_queries

SITUATION = (
    "<p>Компания берегла свою <b>интеллектуальную собственность</b>: "
    '<a href="/ru/">интеллектуальная собственность</a> в ссылке не отмечается.</p>'
    "<p>Снова интеллектуальной собственности и патентов &amp; ноу-хау.</p>"
)


def mark_on(page, *terms):
    marked = MarkedTerms.objects.create(page=page)
    marked.terms.set(terms)
    marked.save()


@pytest.fixture
def terms(db):
    return {
        "ip": GlossaryTermFactory(
            term_ru="интеллектуальная собственность",
            term_en="intellectual property",
            definition_ru="Права на результаты <творческой> деятельности.",
            definition_en="Rights to the results of creative work.",
        ),
        "patent": GlossaryTermFactory(term_ru="патент", term_en="patent"),
        "unused": GlossaryTermFactory(term_ru="лизинг", term_en="leasing"),
    }


@pytest.fixture
def case_study(library_ru, terms):
    page = CaseStudyPageFactory(parent=library_ru, situation=[("paragraph", SITUATION)])
    mark_on(page, terms["ip"], terms["patent"], terms["unused"])
    return page


def marked_terms(html):
    return re.findall(r'<span class="glossary-term" tabindex="0" aria-describedby="([^"]+)">', html)


@pytest.mark.django_db
def test_the_first_use_of_each_marked_term_shows_its_translation(client, case_study, terms):
    html = client.get(case_study.url).text

    ip, patent = f"glossary-tip-{terms['ip'].pk}", f"glossary-tip-{terms['patent'].pk}"
    assert marked_terms(html) == [ip, patent]
    assert (
        f'<b><span class="glossary-term" tabindex="0" aria-describedby="{ip}">'
        "интеллектуальную собственность"
        f'<span class="glossary-tip" role="tooltip" id="{ip}">'
        '<span lang="en">intellectual property</span> — '
        "Права на результаты &lt;творческой&gt; деятельности.</span></span></b>:"
    ) in html
    # Inflected: "патентов" is the term "патент".
    assert f'aria-describedby="{patent}">патентов<span' in html
    # The link's text is left alone, and the rest of the body is unchanged.
    assert '<a href="/ru/">интеллектуальная собственность</a>' in html
    assert "&amp; ноу-хау." in html
    assert "css/glossary" in html


@pytest.mark.django_db
def test_the_english_page_marks_the_english_term(client, case_study, terms):
    english = translate(
        case_study,
        situation=[("paragraph", "<p>Protecting intellectual property and patents.</p>")],
    )

    html = client.get(english.url).text

    ip = f"glossary-tip-{terms['ip'].pk}"
    assert f'aria-describedby="{ip}">intellectual property<span' in html
    assert (
        '<span lang="ru">интеллектуальная собственность</span> — '
        "Rights to the results of creative work."
    ) in html
    assert len(marked_terms(html)) == 2


@pytest.mark.django_db
def test_pages_without_marked_terms_are_unchanged(client, library_ru, terms):
    page = CaseStudyPageFactory(parent=library_ru, situation=[("paragraph", SITUATION)])

    html = client.get(page.url).text

    assert marked_terms(html) == []
    assert "<p>Снова интеллектуальной собственности и патентов &amp; ноу-хау.</p>" in html


@pytest.mark.django_db
def test_marking_adds_no_inline_code_and_no_query_once_cached(client, case_study, library_ru):
    plain = CaseStudyPageFactory(parent=library_ru, situation=[("paragraph", SITUATION)])

    plain_queries = warm_queries(client, plain.url, warm_ups=2)
    marked_queries = warm_queries(client, case_study.url, warm_ups=2)
    response = client.get(case_study.url)

    assert len(marked_queries) == len(plain_queries) <= 15
    assert queries_on_table(marked_queries, "glossary_glossaryterm") == []
    assert len(marked_terms(response.text)) == 2
    assert inline_code(response.text) == []
    assert "'unsafe-inline'" not in content_security_policy(response).get("style-src", [])


@pytest.mark.django_db
def test_a_changed_choice_shows_at_once(client, case_study, terms):
    assert len(marked_terms(client.get(case_study.url).text)) == 2

    marked = MarkedTerms.objects.get(page=case_study)
    marked.terms.remove(terms["patent"])
    marked.save()

    assert len(marked_terms(client.get(case_study.url).text)) == 1


@pytest.mark.django_db
def test_news_and_events_mark_terms_too_once_a_page(client, moscow_page, calendar_ru, terms):
    news = NewsPageFactory(parent=moscow_page, body=[("paragraph", SITUATION)])
    # The programme and the report both use the term: the programme marks it,
    # the report does not again (each tip's id stays unique on the page).
    event = EventPageFactory(
        parent=calendar_ru,
        body=[("paragraph", "<p>Поговорим про интеллектуальную собственность.</p>")],
        report_body=[("paragraph", "<p>Об интеллектуальной собственности и патентах.</p>")],
    )
    mark_on(news, terms["ip"])
    mark_on(event, terms["ip"], terms["patent"])

    ip, patent = f"glossary-tip-{terms['ip'].pk}", f"glossary-tip-{terms['patent'].pk}"
    news_html = client.get(news.url).text
    assert marked_terms(news_html) == [ip]
    assert "css/glossary" in news_html and "js/glossary" in news_html
    event_html = client.get(event.url).text
    assert marked_terms(event_html) == [ip, patent]
    assert event_html.count(f'id="{ip}"') == 1
    assert f'aria-describedby="{patent}">патентах<span' in event_html
