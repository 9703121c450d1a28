"""Saving a result (members only, with CSRF), results private to their
member, the peer benchmark with the five-others rule, progress since the
previous result, "My results", and the results in "My data" and account
deletion."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from assessments.models import AssessmentResult
from home.member_data import erase_member_data, export_member_data
from tests.assessments.answering import answers, route
from tests.factories import AssessmentResultFactory, CompanyFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token


@pytest.fixture
def anna_in_moscow(anna, regions):
    """Anna, of Moscow, manager of an electronics company."""
    anna.profile.region = regions["moscow"]
    anna.profile.save()
    CompanyFactory(manager=anna, sector="electronics")
    return anna


def saved(client, page, levels=None):
    """Answer, then save, with the CSRF token the form set."""
    token = csrf_token(client, page.url)
    data = answers(page, levels, csrfmiddlewaretoken=token)
    assert client.post(page.url, data).status_code == 302
    return client.post(route(page, "save"), {"csrfmiddlewaretoken": token})


@pytest.mark.django_db
def test_a_member_saves_the_result_with_region_and_sector(anna_in_moscow, assessment_ru, regions):
    client = csrf_client(anna_in_moscow)
    response = saved(client, assessment_ru, {"dim-1": (3, 3)})
    result = AssessmentResult.objects.get()
    assert response.status_code == 302
    assert response["Location"] == route(assessment_ru, "saved", result.pk)
    assert result.member == anna_in_moscow
    assert result.assessment_key == assessment_ru.translation_key
    assert result.scores == {"dim-1": 100, "dim-2": 50, "dim-3": 50}
    assert result.region == regions["moscow"] and result.sector == "electronics"
    page = client.get(response["Location"])
    assert page.status_code == 200
    assert "Ваш результат сохранён" in page.content.decode()
    assert "private" in page["Cache-Control"]


@pytest.mark.django_db
def test_saving_without_the_csrf_token_is_refused(anna, assessment_ru):
    client = csrf_client(anna)
    token = csrf_token(client, assessment_ru.url)
    client.post(assessment_ru.url, answers(assessment_ru, csrfmiddlewaretoken=token))
    assert client.get(route(assessment_ru, "result")).status_code == 200
    assert client.post(route(assessment_ru, "save")).status_code == 403
    assert not AssessmentResult.objects.exists()


@pytest.mark.django_db
def test_a_visitor_cannot_save(assessment_ru):
    client = Client(enforce_csrf_checks=True)
    response = saved(client, assessment_ru)
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not AssessmentResult.objects.exists()


@pytest.mark.django_db
def test_nothing_to_save_without_answers(anna, assessment_ru):
    client = csrf_client(anna)
    token = csrf_token(client, assessment_ru.url)
    response = client.post(route(assessment_ru, "save"), {"csrfmiddlewaretoken": token})
    assert response.status_code == 302 and response["Location"] == assessment_ru.url
    assert not AssessmentResult.objects.exists()
    assert "Нечего сохранять" in client.get(assessment_ru.url).content.decode()


@pytest.mark.django_db
def test_results_are_private_to_their_member(anna_client, boris_client, boris, assessment_ru):
    own = AssessmentResultFactory(assessment=assessment_ru, member=boris)
    assert boris_client.get(route(assessment_ru, "saved", own.pk)).status_code == 200
    assert anna_client.get(route(assessment_ru, "saved", own.pk)).status_code == 404
    assert anna_client.get(route(assessment_ru, "saved", 999999)).status_code == 404
    visitor = Client().get(route(assessment_ru, "saved", own.pk))
    assert visitor.status_code == 302 and "/accounts/login/" in visitor["Location"]
    mine = anna_client.get(route(assessment_ru, "results"))
    assert mine.status_code == 200 and list(mine.context["results"]) == []


@pytest.mark.django_db
def test_my_results_lists_the_members_results_newest_first(anna_client, anna, assessment_ru):
    older = AssessmentResultFactory(
        assessment=assessment_ru,
        member=anna,
        score=20,
        created_at=timezone.now() - datetime.timedelta(days=30),
    )
    newer = AssessmentResultFactory(assessment=assessment_ru, member=anna, score=60)
    AssessmentResultFactory(assessment=assessment_ru)  # someone else's
    response = anna_client.get(route(assessment_ru, "results"))
    assert [result.pk for result in response.context["results"]] == [newer.pk, older.pk]
    assert [result.mean for result in response.context["results"]] == [60, 20]


@pytest.mark.django_db
def test_a_retake_shows_the_previous_result_and_the_change(anna_client, anna, assessment_ru):
    AssessmentResultFactory(
        assessment=assessment_ru,
        member=anna,
        scores={"dim-1": 20, "dim-2": 50, "dim-3": 90},
        created_at=timezone.now() - datetime.timedelta(days=60),
    )
    latest = AssessmentResultFactory(
        assessment=assessment_ru, member=anna, scores={"dim-1": 60, "dim-2": 50, "dim-3": 70}
    )
    response = anna_client.get(route(assessment_ru, "saved", latest.pk))
    rows = response.context["rows"]
    assert [(row["previous"], row["change"]) for row in rows] == [(20, 40), (50, 0), (90, -20)]
    html = response.content.decode()
    assert html.count('class="radar-series ') == 2  # both on the same chart
    assert "radar-series--previous" in html
    assert '<td class="change">+40</td>' in html and '<td class="change">-20</td>' in html

    # Answered again (not saved yet): the latest saved result is the previous one.
    anna_client.post(assessment_ru.url, answers(assessment_ru))
    fresh = anna_client.get(route(assessment_ru, "result"))
    assert [row["previous"] for row in fresh.context["rows"]] == [60, 50, 70]


def peers(assessment, count, region, sector="software", score=40):
    return [
        AssessmentResultFactory(assessment=assessment, region=region, sector=sector, score=score)
        for _ in range(count)
    ]


@pytest.mark.django_db
def test_the_benchmark_needs_five_other_members(anna_in_moscow, assessment_ru, regions):
    client = Client()
    client.force_login(anna_in_moscow)
    own = AssessmentResultFactory(
        assessment=assessment_ru,
        member=anna_in_moscow,
        region=regions["moscow"],
        sector="electronics",
        score=80,
    )
    # Four others in Moscow (one of them answered twice: the latest counts),
    # others elsewhere, and Anna's own older result: not enough.
    moscow = peers(assessment_ru, 4, regions["moscow"])
    AssessmentResultFactory(
        assessment=assessment_ru,
        member=moscow[0].member,
        region=regions["moscow"],
        score=0,
        created_at=timezone.now() - datetime.timedelta(days=90),
    )
    peers(assessment_ru, 3, regions["ekaterinburg"], sector="electronics")
    AssessmentResultFactory(
        assessment=assessment_ru,
        member=anna_in_moscow,
        region=regions["moscow"],
        created_at=timezone.now() - datetime.timedelta(days=9),
    )
    response = client.get(route(assessment_ru, "saved", own.pk))
    benchmark = response.context["benchmark"]
    assert [(g["kind"], g["count"], g["shown"]) for g in benchmark["groups"]] == [
        ("region", 4, False),
        ("sector", 3, False),
    ]
    html = response.content.decode()
    assert "Пока слишком мало участников из региона «Москва»" in html
    assert "Ваш регион" not in html

    # The fifth other member of Moscow: the region's average is shown.
    peers(assessment_ru, 1, regions["moscow"], score=90)
    response = client.get(route(assessment_ru, "saved", own.pk))
    benchmark = response.context["benchmark"]
    assert benchmark["region_shown"] and not benchmark["sector_shown"]
    assert [row["region_average"] for row in response.context["rows"]] == [50, 50, 50]
    html = response.content.decode()
    assert "Ваш регион" in html and "среднее 5 других участников" in html


@pytest.mark.django_db
def test_the_benchmark_in_english_compares_by_the_same_dimensions(
    anna_in_moscow, assessment_en, assessment_ru, regions
):
    client = Client()
    client.force_login(anna_in_moscow)
    own = AssessmentResultFactory(
        assessment=assessment_ru, member=anna_in_moscow, region=regions["moscow"], score=80
    )
    peers(assessment_ru, 5, regions["moscow"], score=30)
    response = client.get(route(assessment_en, "saved", own.pk))
    html = response.content.decode()
    assert '<html lang="en"' in html
    assert "Your region" in html and "the average of 5 other members in Moscow" in html
    assert [row["title"] for row in response.context["rows"]][0] == "Innovation marketing"
    assert [row["region_average"] for row in response.context["rows"]] == [30, 30, 30]


@pytest.mark.django_db
def test_results_are_in_my_data_and_go_with_the_account(anna, boris, assessment_ru):
    AssessmentResultFactory(assessment=assessment_ru, member=anna, score=70)
    AssessmentResultFactory(assessment=assessment_ru, member=boris)
    exported = export_member_data(anna)["self_assessment_results"]
    assert len(exported) == 1
    assert exported[0]["assessment"] == "Самооценка"
    assert exported[0]["scores"] == {
        "Маркетинг инноваций": 70,
        "Интеллектуальная собственность": 70,
        "Качество": 70,
    }
    erase_member_data(anna)
    assert not AssessmentResult.objects.filter(member=anna).exists()
    assert AssessmentResult.objects.filter(member=boris).count() == 1


@pytest.mark.django_db
def test_deleting_the_account_deletes_the_results(assessment_ru):
    member = MemberFactory()
    AssessmentResultFactory(assessment=assessment_ru, member=member)
    member.delete()
    assert not AssessmentResult.objects.exists()
