"""Nobody approves their own submission (home/self_approval.py): the
coordinator who submits a page, or who wrote changes under review, is
neither offered nor allowed the approval; a colleague approves. Superusers
may, and it is logged. The same holds for Wagtail's group approval (the
"Moderators approval" workflow of the pages outside the library)."""

import logging

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from wagtail.models import PageLogEntry, TaskState
from wagtail.test.utils.form_data import nested_form_data, streamfield

from home.models import StandardPage
from home.region_roles import region_group_name
from home.self_approval import SELF_APPROVAL_LOG_ACTION
from home.workflows import RegionCoordinatorsTask
from tests.factories import CaseStudyPageFactory, StaffFactory
from tests.helpers import csrf_client, csrf_token, logged_in
from tests.library.test_workflow import case_study_form, refused


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_edits(user, page, data):
    """`user` saves `data` in the page editor and submits the page."""
    response = logged_in(user).post(edit_url(page), data)
    assert response.status_code == 302, response.content[:2000]
    page.refresh_from_db()
    assert page.workflow_in_progress


def approve_with_csrf(user, page, task_state=None):
    """`user` opens the page editor and posts "Approve" to the workflow
    action URL, with the CSRF token the editor set."""
    client = csrf_client(user)
    token = csrf_token(client, edit_url(page))
    task_state = task_state or page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": "", "csrfmiddlewaretoken": token})


def workflow_buttons(user, page):
    """The workflow actions the page editor offers `user`."""
    response = logged_in(user).get(edit_url(page))
    assert response.status_code == 200
    html = BeautifulSoup(response.content, "html.parser")
    return {
        button["data-workflow-action-name"] for button in html.select("[data-workflow-action-name]")
    }


def awaiting_review(user):
    """The titles in the dashboard's "Awaiting your review" and "Your pages
    and snippets in a workflow" panels, as `user` sees them."""
    html = BeautifulSoup(logged_in(user).get(reverse("wagtailadmin_home")).content, "html.parser")

    def titles(panel_id):
        panel = html.find(id=panel_id) or html.find(id=f"{panel_id}-section")
        return panel.get_text(" ", strip=True) if panel else ""

    return titles("awaiting-review"), titles("objects-in-workflow")


def assert_unapproved(page):
    page.refresh_from_db()
    assert not page.live
    assert page.current_workflow_task_state.status == TaskState.STATUS_IN_PROGRESS
    assert not TaskState.objects.filter(status=TaskState.STATUS_APPROVED).exists()
    assert not PageLogEntry.objects.filter(page=page, action="wagtail.workflow.approve").exists()


@pytest.fixture
def moscow_colleague(db):
    """A second coordinator of Moscow."""
    return StaffFactory(username="moscow-colleague", groups=[region_group_name("moscow")])


@pytest.fixture
def moscow_draft(library_ru, regions, staff):
    return CaseStudyPageFactory(parent=library_ru, region=regions["moscow"], live=False)


@pytest.mark.django_db
def test_a_coordinator_cannot_approve_what_they_submitted(
    library_ru, topics, regions, staff, moscow_colleague, moscow_draft
):
    coordinator = staff["moscow"]
    submit_edits(coordinator, moscow_draft, case_study_form(regions["moscow"], topics))
    assert isinstance(moscow_draft.current_workflow_task, RegionCoordinatorsTask)

    assert "approve" not in workflow_buttons(coordinator, moscow_draft)
    assert refused(approve_with_csrf(coordinator, moscow_draft))
    assert_unapproved(moscow_draft)

    # A colleague of the same region is offered the approval and gives it.
    assert "approve" in workflow_buttons(moscow_colleague, moscow_draft)
    response = approve_with_csrf(moscow_colleague, moscow_draft)
    assert not refused(response)
    moscow_draft.refresh_from_db()
    assert moscow_draft.live
    assert TaskState.objects.get().finished_by == moscow_colleague
    assert not PageLogEntry.objects.filter(action=SELF_APPROVAL_LOG_ACTION).exists()


@pytest.mark.django_db
def test_the_submitter_is_refused_through_another_pages_address(
    library_ru, topics, regions, staff, moscow_colleague, moscow_draft
):
    """The admin checks the offered actions against the page in the URL:
    naming a page the colleague submitted, with the task state of one's own,
    is refused too."""
    submit_edits(staff["moscow"], moscow_draft, case_study_form(regions["moscow"], topics))
    colleagues = CaseStudyPageFactory(parent=library_ru, region=regions["moscow"], live=False)
    colleagues.get_workflow().start(colleagues, moscow_colleague)

    response = approve_with_csrf(
        staff["moscow"], colleagues, task_state=moscow_draft.current_workflow_task_state
    )

    assert refused(response)
    assert_unapproved(moscow_draft)


@pytest.mark.django_db
def test_a_coordinator_cannot_approve_their_edits_that_a_colleague_submitted(
    library_ru, topics, regions, staff, moscow_colleague, moscow_draft
):
    coordinator = staff["moscow"]
    moscow_draft.title = "Правка координатора"
    moscow_draft.save_revision(user=coordinator)
    moscow_draft.get_workflow().start(moscow_draft, moscow_colleague)

    assert "approve" not in workflow_buttons(coordinator, moscow_draft)
    assert refused(approve_with_csrf(coordinator, moscow_draft))
    assert_unapproved(moscow_draft)


def approve_in_editor(user, page, data):
    """`user` saves `data` in the page editor with its "Approve" button,
    CSRF enforced."""
    client = csrf_client(user)
    token = csrf_token(client, edit_url(page))
    return client.post(
        edit_url(page),
        data
        | {
            "action-submit": "",
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "csrfmiddlewaretoken": token,
        },
    )


@pytest.mark.django_db
def test_approving_in_the_editor_needs_someone_who_wrote_none_of_the_changes(
    library_ru, topics, regions, staff, moscow_colleague, moscow_draft
):
    form = case_study_form(regions["moscow"], topics)
    submit_edits(staff["moscow"], moscow_draft, form)

    # The submitter's "Approve" only saves a draft.
    approve_in_editor(staff["moscow"], moscow_draft, form)
    assert_unapproved(moscow_draft)

    # A colleague who corrects the page and approves at once would publish
    # their own unreviewed change: refused, and the page waits for someone else.
    corrected = form | {"title": "Кейс с правкой коллеги"}
    assert refused(approve_in_editor(moscow_colleague, moscow_draft, corrected))
    assert_unapproved(moscow_draft)
    assert refused(approve_with_csrf(moscow_colleague, moscow_draft))
    assert_unapproved(moscow_draft)

    assert not refused(approve_with_csrf(staff["admin"], moscow_draft))
    moscow_draft.refresh_from_db()
    assert moscow_draft.live
    assert moscow_draft.title == "Кейс с правкой коллеги"


@pytest.mark.django_db
def test_the_submitter_may_still_send_the_page_back_and_sees_it_as_their_own(
    library_ru, topics, regions, staff, moscow_colleague, moscow_draft
):
    coordinator = staff["moscow"]
    submit_edits(coordinator, moscow_draft, case_study_form(regions["moscow"], topics))

    to_review, own = awaiting_review(coordinator)
    assert "Кейс на проверку" not in to_review
    assert "Кейс на проверку" in own
    assert "Кейс на проверку" in awaiting_review(moscow_colleague)[0]
    assert workflow_buttons(coordinator, moscow_draft) == {"reject"}
    task = moscow_draft.current_workflow_task
    assert not task.get_task_states_user_can_moderate(coordinator).exists()
    assert task.get_task_states_user_can_moderate(moscow_colleague).count() == 1


@pytest.mark.django_db
def test_a_superuser_may_approve_their_own_submission_and_it_is_logged(
    library_ru, topics, regions, staff, moscow_draft, caplog
):
    admin = staff["admin"]
    submit_edits(admin, moscow_draft, case_study_form(regions["moscow"], topics))
    assert "approve" in workflow_buttons(admin, moscow_draft)

    with caplog.at_level(logging.WARNING, logger="home.self_approval"):
        response = approve_with_csrf(admin, moscow_draft)

    assert not refused(response)
    moscow_draft.refresh_from_db()
    assert moscow_draft.live
    warnings = [r for r in caplog.records if r.name == "home.self_approval"]
    assert len(warnings) == 1 and "admin" in warnings[0].getMessage()
    entry = PageLogEntry.objects.get(page=moscow_draft, action=SELF_APPROVAL_LOG_ACTION)
    assert entry.user == admin
    history = logged_in(admin).get(reverse("wagtailadmin_pages:history", args=[moscow_draft.pk]))
    assert "Workflow: approved own submission" in history.content.decode()


# --- Wagtail's group approval --------------------------------------------------


def standard_page_form(page):
    return nested_form_data(
        {"title": "Страница на проверку", "slug": page.slug, "intro": "", "body": streamfield([])}
    ) | {"action-submit": "action-submit"}


@pytest.mark.django_db
def test_a_moderator_cannot_approve_their_own_submission_in_the_moderators_approval(
    about_ru,
):
    author = StaffFactory(username="editing-moderator", groups=["Editors", "Moderators"])
    colleague = StaffFactory(username="moderator-colleague", groups=["Moderators"])
    page = StandardPage(title="Черновик", slug="draft", live=False)
    about_ru.add_child(instance=page)
    submit_edits(author, page, standard_page_form(page))
    assert page.current_workflow_task.__class__.__name__ == "GroupApprovalTask"

    assert "approve" not in workflow_buttons(author, page)
    assert "Страница на проверку" not in awaiting_review(author)[0]
    assert refused(approve_with_csrf(author, page))
    assert_unapproved(page)

    assert "approve" in workflow_buttons(colleague, page)
    assert not refused(approve_with_csrf(colleague, page))
    page.refresh_from_db()
    assert page.live
