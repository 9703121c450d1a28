"""Taking an assessment: anyone answers, sees the scores per dimension
(0–100) with the chart, the table, the advice and the recommendations;
bad answers bring the form back with a translated message and nothing
kept; both languages."""

import re

import pytest
from django.test import Client

from assessments.models import AssessmentResult
from tests.assessments.answering import answers, route
from tests.factories import ArticlePageFactory, EventPageFactory, ListingPageFactory
from tests.helpers import in_days


def take(client, page, levels=None, **extra):
    return client.post(page.url, answers(page, levels, **extra))


@pytest.mark.django_db
def test_the_form_has_one_radio_group_per_question_with_described_levels(client, assessment_ru):
    response = client.get(assessment_ru.url)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="ru"' in html
    for dimension in ("dim-1", "dim-2", "dim-3"):
        for question in ("q1", "q2"):
            assert html.count(f'name="q-{dimension}-{question}"') == 4
    assert "Образец для других" in html  # the levels are described
    assert "Показать мой результат" in html


@pytest.mark.django_db
def test_a_visitor_sees_the_scores_without_saving(client, assessment_ru):
    response = take(client, assessment_ru, {"dim-1": (3, 2), "dim-2": (0, 0)})
    assert response.status_code == 302
    assert response["Location"] == route(assessment_ru, "result")
    result = client.get(response["Location"])
    html = result.content.decode()
    assert result.status_code == 200
    assert "private" in result["Cache-Control"] and "no-cache" in result["Cache-Control"]
    rows = result.context["rows"]
    # (100 + 66.7) / 2, (0 + 0) / 2, (33.3 + 66.7) / 2
    assert [(row["id"], row["score"], row["band"]) for row in rows] == [
        ("dim-1", 83, "high"),
        ("dim-2", 0, "low"),
        ("dim-3", 50, "medium"),
    ]
    assert "Высокий: Маркетинг инноваций." in html  # the advice of each band
    assert "Низкий: Интеллектуальная собственность." in html
    assert '<svg class="radar"' in html and "<table" in html
    assert "Войдите, чтобы сохранить его" in html
    assert not AssessmentResult.objects.exists()


@pytest.mark.django_db
def test_the_result_without_answers_leads_back_to_the_form(client, assessment_ru):
    response = client.get(route(assessment_ru, "result"))
    assert response.status_code == 302 and response["Location"] == assessment_ru.url


BAD_ANSWERS = [
    pytest.param({"q-dim-1-q1": ""}, "Пожалуйста, ответьте на каждый вопрос", id="missing"),
    pytest.param({"q-dim-2-q2": "4"}, "Выберите один из уровней", id="above-the-scale"),
    pytest.param({"q-dim-2-q2": "-1"}, "Выберите один из уровней", id="below-the-scale"),
    pytest.param({"q-dim-3-q1": "много"}, "Выберите один из уровней", id="not-a-number"),
    pytest.param({"q-dim-9-q1": "1"}, "не относятся к этой самооценке", id="unknown-question"),
    pytest.param(
        {"assessment": "00000000-0000-0000-0000-000000000000"},
        "не относятся к этой самооценке",
        id="forged-assessment",
    ),
    pytest.param({"assessment": "1 OR 1=1"}, "не относятся к этой самооценке", id="garbage-id"),
    pytest.param({"assessment": ""}, "не относятся к этой самооценке", id="no-assessment-id"),
]


@pytest.mark.django_db
@pytest.mark.parametrize("change, message", BAD_ANSWERS)
def test_bad_answers_bring_the_form_back_with_a_message(client, assessment_ru, change, message):
    data = answers(assessment_ru)
    data.update(change)
    data = {key: value for key, value in data.items() if value != ""}
    response = client.post(assessment_ru.url, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert "assessment:" + str(assessment_ru.translation_key) not in client.session
    assert not AssessmentResult.objects.exists()


@pytest.mark.django_db
def test_an_empty_post_is_refused_too(client, assessment_ru):
    response = client.post(assessment_ru.url, {})
    html = response.content.decode()
    assert response.status_code == 400
    assert "Пожалуйста, ответьте на каждый вопрос" in html
    # Each line of the error summary leads to its question's first level.
    targets = re.findall(r'<div class="form-errors".*?</div>', html, re.S)[0]
    links = re.findall(r'href="#([^"]+)"', targets)
    assert links
    for target in links:
        assert f'<input type="radio" id="{target}"' in html


@pytest.mark.django_db
def test_the_english_page_speaks_english_and_keeps_the_scores(client, assessment_en, assessment_ru):
    response = client.get(assessment_en.url)
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "See my result" in html and "A model" in html
    take(client, assessment_en, {"dim-1": (3, 3)})
    html = client.get(route(assessment_en, "result")).content.decode()
    assert "Your result" in html and "Innovation marketing" in html
    assert "Log in to save it" in html
    # The same answers' scores, by dimension id, in the Russian page too
    # (the session keeps them by the assessment's translation key).
    russian = client.get(route(assessment_ru, "result"))
    assert russian.status_code == 200
    assert russian.context["rows"][0]["score"] == 100
    assert "Маркетинг инноваций" in russian.content.decode()


@pytest.mark.django_db
def test_recommendations_come_from_the_themes_of_the_two_weakest_dimensions(
    client, assessment_ru, library_ru, calendar_ru, partners_ru, topics
):
    marketing, ipr, quality = (
        topics["innovation-marketing"],
        topics["ipr"],
        topics["quality-management"],
    )
    item = ArticlePageFactory(parent=library_ru, title="Патенты для начинающих")
    item.topics.set([ipr])
    item.save_revision().publish()
    other_item = ArticlePageFactory(parent=library_ru, title="О качестве")
    other_item.topics.set([quality])
    other_item.save_revision().publish()
    event = EventPageFactory(parent=calendar_ru, title="Тренинг по маркетингу")
    event.topics.set([marketing])
    event.save_revision().publish()
    past = EventPageFactory(
        parent=calendar_ru, title="Прошедший тренинг", start=in_days(-10), end=in_days(-9)
    )
    past.topics.set([marketing])
    past.save_revision().publish()
    ListingPageFactory(parent=partners_ru, title="Ищем патентного партнёра", topics=[ipr])
    ListingPageFactory(
        parent=partners_ru,
        title="Истёкшее предложение",
        topics=[ipr],
        expire_at=in_days(-1),
    )

    # Marketing (dim-1) and IPR (dim-2) are the weakest; quality the strongest.
    take(client, assessment_ru, {"dim-1": (0, 1), "dim-2": (0, 0), "dim-3": (3, 3)})
    response = client.get(route(assessment_ru, "result"))
    found = response.context["recommendations"]
    assert [page.title for page in found["library"]] == ["Патенты для начинающих"]
    assert [page.title for page in found["events"]] == ["Тренинг по маркетингу"]
    assert [page.title for page in found["listings"]] == ["Ищем патентного партнёра"]
    html = response.content.decode()
    assert "Патенты для начинающих" in html and "О качестве" not in html


@pytest.mark.django_db
def test_editors_build_assessments_under_the_home_page(assessment_ru, home_ru, staff):
    from django.urls import reverse

    from assessments.models import AssessmentPage

    assert AssessmentPage.can_create_at(home_ru)
    client = Client()
    client.force_login(staff["admin"])
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[assessment_ru.pk]))
    assert edit.status_code == 200
    assert "dim-1" in edit.content.decode()  # the dimensions in the stream editor
