"""When the regional review of a listing ends, its company's managers are
told through the notification centre, in their language, with a link to
the listing (approved) or to their listings page (changes requested),
which shows the coordinator's comment. Wagtail's own e-mails of the
outcome reach only people who can use the admin."""

import pytest
from django.core import mail
from django.urls import reverse
from wagtail.models import WorkflowState

from community.models import Role
from notifications.models import Notification
from notifications.preferences import set_language
from partnerships.models import ListingPage
from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory
from tests.helpers import AdminClient, logged_in

pytestmark = pytest.mark.django_db

WRITE = "/ru/partners/write/"


@pytest.fixture
def company(anna, regions):
    return CompanyFactory(name="Датчики и Ко", manager=anna, sector="electronics")


@pytest.fixture
def people(company):
    """A second manager who reads English, and a colleague who is not a
    manager."""
    gleb = MemberFactory(username="gleb")
    set_language(gleb, "en")
    company.memberships.create(user=gleb, role=Role.MANAGER, accepted=True)
    colleague = MemberFactory(username="colleague")
    company.memberships.create(user=colleague, role=Role.MEMBER, accepted=True)
    return {"gleb": gleb, "colleague": colleague}


def write(anna, regions, company):
    response = logged_in(anna).post(
        WRITE,
        {
            "listing_type": "technology_request",
            "title": "Ищем датчики влажности",
            "summary": "Нужны датчики для теплиц.",
            "description": "Мы строим теплицы и ищем поставщика датчиков влажности.",
            "sought": "Производитель датчиков.",
            "sector": "electronics",
            "region": regions["moscow"].pk,
            "stage": "prototype",
            "company": company.pk,
        },
    )
    assert response.status_code == 302
    return ListingPage.objects.get()


def review(coordinator, listing, action, comment, capture):
    task_state = listing.current_workflow_task_state
    mail.outbox.clear()
    with capture(execute=True):
        response = AdminClient(coordinator).send(
            "post",
            reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, action, task_state.pk]),
            {"comment": comment},
        )
    assert response.status_code == 302
    listing.refresh_from_db()
    return listing


def to(user):
    return [message for message in mail.outbox if message.to == [user.email]]


def told(event):
    return set(
        Notification.objects.filter(event=event).values_list("recipient__username", flat=True)
    )


def test_an_approved_listing_is_told_to_its_managers_in_their_language(
    partners_ru,
    partners_en,
    company,
    people,
    anna,
    regions,
    staff,
    django_capture_on_commit_callbacks,
):
    listing = write(anna, regions, company)

    listing = review(staff["moscow"], listing, "approve", "", django_capture_on_commit_callbacks)

    assert listing.live
    # The managers, not the colleague, nor the coordinator who approved.
    assert told("listing_published") == {"anna", "gleb"}
    assert not told("listing_changes_requested")
    (to_anna,) = to(anna)
    assert "Ваше объявление «Ищем датчики влажности» одобрено и опубликовано" in to_anna.subject
    assert listing.url in to_anna.body and "Теперь участники найдут его" in to_anna.body
    (to_gleb,) = to(people["gleb"])
    assert "has been approved and published" in to_gleb.subject
    assert not to(people["colleague"]) and not to(staff["moscow"])
    # Wagtail's own e-mail, with links into the admin, does not reach the
    # member who submitted it: only the notification centre's.
    assert "/admin/" not in to_anna.body
    # The bell links to the listing.
    notification = Notification.objects.get(event="listing_published", recipient=anna)
    opened = logged_in(anna).post(f"/ru/notifications/{notification.pk}/open/")
    assert opened["Location"] == listing.url


def test_changes_requested_are_told_and_the_comment_shown_escaped(
    partners_ru,
    partners_en,
    company,
    people,
    anna,
    regions,
    staff,
    django_capture_on_commit_callbacks,
):
    listing = write(anna, regions, company)

    listing = review(
        staff["moscow"],
        listing,
        "reject",
        "Уточните сроки. <script>alert(1)</script>",
        django_capture_on_commit_callbacks,
    )

    assert listing.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    assert told("listing_changes_requested") == {"anna", "gleb"}
    assert not told("listing_published")
    (to_anna,) = to(anna)
    assert "Координаторы просят изменить ваше объявление" in to_anna.subject
    assert "/ru/partners/mine/" in to_anna.body and "«Мои объявления»" in to_anna.body
    (to_gleb,) = to(people["gleb"])
    assert "asked for changes" in to_gleb.subject and "/en/partners/mine/" in to_gleb.body
    assert not to(people["colleague"])
    notification = Notification.objects.get(event="listing_changes_requested", recipient=anna)
    client = logged_in(anna)
    opened = client.post(f"/ru/notifications/{notification.pk}/open/")
    assert opened["Location"] == "/ru/partners/mine/"

    for language, label in (("ru", "Комментарий координатора:"), ("en", "Coordinator's comment:")):
        page = client.get(f"/{language}/partners/mine/").text
        assert label in page and "Уточните сроки." in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
        assert "<script>alert(1)" not in page
    # A colleague who is not a manager has no listings page to read it on.
    assert "Уточните сроки." not in logged_in(people["colleague"]).get("/ru/partners/mine/").text


def test_the_comment_goes_once_the_listing_is_sent_again(
    partners_ru, company, anna, regions, staff, django_capture_on_commit_callbacks
):
    listing = write(anna, regions, company)
    review(
        staff["moscow"], listing, "reject", "Уточните сроки.", django_capture_on_commit_callbacks
    )
    client = logged_in(anna)
    assert "Уточните сроки." in client.get("/ru/partners/mine/").text

    listing.current_workflow_state.resume(anna)

    page = client.get("/ru/partners/mine/").text
    assert "Уточните сроки." not in page and "Ожидает проверки" in page


def test_a_staff_submitter_still_gets_wagtails_email(
    partners_ru, company, anna, regions, staff, django_capture_on_commit_callbacks
):
    editor = staff["editor"]
    listing = ListingPageFactory(parent=partners_ru, company=company, live=False)
    listing.save_revision(user=editor)
    listing.get_workflow().start(listing, editor)
    listing = ListingPage.objects.get(pk=listing.pk)

    review(staff["moscow"], listing, "approve", "", django_capture_on_commit_callbacks)

    (to_editor,) = to(editor)
    assert "/admin/" in to_editor.body
    # The company's manager is told by the notification centre only.
    assert told("listing_published") == {"anna"}
    assert all("/admin/" not in message.body for message in to(anna))


def test_a_member_who_submitted_any_page_gets_no_wagtail_email(
    partners_ru, company, anna, boris, regions, staff, django_capture_on_commit_callbacks
):
    """Not only listings: a member without the admin is never e-mailed
    Wagtail's outcome, approved or rejected."""
    listing = ListingPageFactory(parent=partners_ru, company=CompanyFactory(), live=False)
    listing.save_revision(user=boris)
    listing.get_workflow().start(listing, boris)
    listing = ListingPage.objects.get(pk=listing.pk)

    review(staff["moscow"], listing, "reject", "Нет.", django_capture_on_commit_callbacks)

    assert not to(boris)
