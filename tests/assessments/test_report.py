"""The coordinators' report in the admin: averages per dimension per
region and per sector over each member's latest result, groups of fewer
than five respondents hidden; the head office sees every region, a
region's coordinators theirs, anyone else nothing."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.factories import AssessmentResultFactory, MemberFactory

URL = reverse("assessments_report")


@pytest.fixture
def answered(assessment_ru, regions):
    """Five software companies' members in Moscow (scores 20 … 60, one of
    them answered twice) and four electronics' in Ekaterinburg."""
    moscow = [
        AssessmentResultFactory(
            assessment=assessment_ru, region=regions["moscow"], sector="software", score=score
        )
        for score in (20, 30, 40, 50, 60)
    ]
    # An older result of the first: only the latest counts.
    older = AssessmentResultFactory(
        assessment=assessment_ru,
        member=moscow[0].member,
        region=regions["moscow"],
        sector="software",
        score=100,
    )
    older.created_at = moscow[0].created_at.replace(year=2020)
    older.save()
    for _ in range(4):
        AssessmentResultFactory(
            assessment=assessment_ru,
            region=regions["ekaterinburg"],
            sector="electronics",
            score=90,
        )


def groups(response, kind):
    return [(g["name"], g["count"], g["shown"], g["averages"]) for g in response.context[kind]]


@pytest.mark.django_db
def test_the_head_office_sees_every_region_with_small_groups_hidden(staff, answered):
    client = Client()
    client.force_login(staff["coordinator"])
    response = client.get(URL)
    assert response.status_code == 200
    assert groups(response, "regions") == [
        ("Екатеринбург", 4, False, [None, None, None]),
        ("Москва", 5, True, [40, 40, 40]),
    ]
    assert groups(response, "sectors") == [
        ("Программное обеспечение и ИТ-услуги", 5, True, [40, 40, 40]),
        ("Электроника и приборостроение", 4, False, [None, None, None]),
    ]
    html = response.content.decode()
    assert "90" not in html.split("<tbody>", 1)[1]  # no figure of the small group


@pytest.mark.django_db
def test_a_regional_coordinator_sees_only_their_region(staff, answered):
    client = Client()
    client.force_login(staff["moscow"])
    response = client.get(URL)
    assert response.status_code == 200
    assert [name for name, *_ in groups(response, "regions")] == ["Moscow"]
    assert [name for name, *_ in groups(response, "sectors")] == ["Software and IT services"]
    assert response.context["respondents"] == 5
    client.force_login(staff["ekaterinburg"])
    response = client.get(URL)
    assert groups(response, "regions") == [("Екатеринбург", 4, False, [None, None, None])]


@pytest.mark.django_db
def test_others_are_refused(staff, answered, anna):
    editor = Client()
    editor.force_login(staff["editor"])
    response = editor.get(URL)
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    member = Client()
    member.force_login(MemberFactory())
    response = member.get(URL)
    assert response.status_code == 302 and "/admin/login/" in response["Location"]
    assert Client().get(URL).status_code == 302
