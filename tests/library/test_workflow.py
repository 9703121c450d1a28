"""Editorial workflow: editors create and submit library items; the review
goes to the coordinators of the item's region, whose approval publishes
(at once or at the scheduled time). Groups and the workflow come from data
migrations."""

import datetime
from unittest import mock

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Workflow, WorkflowPage
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.region_roles import region_group_name
from home.workflows import RegionCoordinatorsTask
from library.models import ArticlePage, CaseStudyPage


def case_study_form(region, topics, go_live_at=""):
    return nested_form_data(
        {
            "title": "Кейс на проверку",
            "slug": "review-me",
            "company_name": "ООО «Проверка»",
            "region": region.pk,
            "summary": "Коротко.",
            "publication_date": "2007-03-01",
            "go_live_at": go_live_at,
            "situation": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]),
            "actions": streamfield([]),
            "results": streamfield([]),
            "lessons": streamfield([]),
            "documents": streamfield([]),
        }
    ) | {"topics": [topics["ipr"].pk], "action-submit": "action-submit"}


def submit(client, library, editor, data, model="casestudypage"):
    client.force_login(editor)
    response = client.post(
        reverse("wagtailadmin_pages:add", args=["library", model, library.pk]), data
    )
    assert response.status_code == 302, response.content[:2000]
    return response


def refused(response):
    """The admin answers a refused action by sending the user to the
    dashboard with an error message."""
    return response.status_code == 302 and response["Location"] == "/admin/"


def act(client, user, page, action):
    client.force_login(user)
    task_state = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


@pytest.mark.django_db
def test_migrations_create_region_groups_and_the_workflow():
    for slug in ("moscow", "st-petersburg", "ekaterinburg"):
        group = Group.objects.get(name=region_group_name(slug))
        codenames = set(group.permissions.values_list("codename", flat=True))
        assert {"access_admin", "submit_translation"} <= codenames
        # They moderate and keep images only in their own region (library
        # 0005, home 0008), and may not change regions.
        assert not {"can_moderate", "change_region"} & codenames
        assert not group.page_permissions.filter(permission__codename="publish_page").exists()
    workflow = Workflow.objects.get(name="Regional review")
    task = workflow.tasks.get().specific
    assert isinstance(task, RegionCoordinatorsTask)
    assert list(task.groups.values_list("name", flat=True)) == ["Coordinators"]
    assert Group.objects.filter(name="Coordinators").exists()


@pytest.mark.django_db
def test_a_new_library_sends_its_items_to_the_regional_review(library_ru, library_en):
    for library in (library_ru, library_en):
        assert WorkflowPage.objects.get(page=library).workflow.name == "Regional review"


@pytest.mark.django_db
def test_the_regions_coordinator_approves_and_the_item_goes_live(
    client, library_ru, topics, regions, staff
):
    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))
    page = CaseStudyPage.objects.get(slug="review-me")
    assert not page.live
    assert page.current_workflow_task.specific.__class__ is RegionCoordinatorsTask

    response = act(client, staff["moscow"], page, "approve")

    page.refresh_from_db()
    assert response.status_code == 302
    assert page.live
    assert client.get(page.url).status_code == 200


@pytest.mark.django_db
def test_a_coordinator_of_another_region_cannot_approve(client, library_ru, topics, regions, staff):
    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))
    page = CaseStudyPage.objects.get(slug="review-me")
    task = page.current_workflow_task.specific

    response = act(client, staff["ekaterinburg"], page, "approve")

    page.refresh_from_db()
    assert refused(response)
    assert not page.live
    assert task.get_actions(page, staff["ekaterinburg"]) == []
    assert [name for name, _, _ in task.get_actions(page, staff["moscow"])] == [
        "reject",
        "approve",
        "approve",
    ]
    assert not task.get_task_states_user_can_moderate(staff["ekaterinburg"]).exists()
    assert task.get_task_states_user_can_moderate(staff["moscow"]).count() == 1
    # Nor can the editor who submitted it.
    assert refused(act(client, staff["editor"], page, "approve"))
    page.refresh_from_db()
    assert not page.live


@pytest.mark.django_db
def test_only_the_regions_coordinators_are_told_of_a_submission(
    client, library_ru, topics, regions, staff
):
    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))

    recipients = {address for message in mail.outbox for address in message.to}
    assert "moscow-coordinator@rusmeco.example" in recipients
    assert "ekb-coordinator@rusmeco.example" not in recipients


@pytest.mark.django_db
def test_items_without_a_region_go_to_the_coordinators(client, library_ru, topics, staff):
    data = nested_form_data(
        {
            "title": "Статья без региона",
            "slug": "no-region",
            "item_type": "article",
            "summary": "Коротко.",
            "publication_date": "2007-03-01",
            "body": streamfield([("paragraph", rich_text("<p>Текст.</p>"))]),
        }
    ) | {"action-submit": "action-submit"}
    submit(client, library_ru, staff["editor"], data, model="articlepage")
    page = ArticlePage.objects.get(slug="no-region")

    assert refused(act(client, staff["moscow"], page, "approve"))
    page.refresh_from_db()
    assert not page.live
    assert not refused(act(client, staff["coordinator"], page, "approve"))
    page.refresh_from_db()
    assert page.live


@pytest.mark.django_db
def test_requesting_changes_sends_the_item_back(client, library_ru, topics, regions, staff):
    submit(client, library_ru, staff["editor"], case_study_form(regions["moscow"], topics))
    page = CaseStudyPage.objects.get(slug="review-me")

    act(client, staff["moscow"], page, "reject")

    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_state.status == "needs_changes"


@pytest.mark.django_db
def test_an_approved_item_with_a_publishing_date_goes_live_then(
    client, library_ru, topics, regions, staff
):
    go_live = timezone.now() + datetime.timedelta(days=2)
    form = case_study_form(regions["moscow"], topics, go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))
    submit(client, library_ru, staff["editor"], form)
    page = CaseStudyPage.objects.get(slug="review-me")

    act(client, staff["moscow"], page, "approve")
    page.refresh_from_db()
    assert not page.live
    assert page.scheduled_revision is not None

    with mock.patch(
        "django.utils.timezone.now", return_value=go_live + datetime.timedelta(hours=1)
    ):
        call_command("publish_scheduled")
    page.refresh_from_db()
    assert page.live
