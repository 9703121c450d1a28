"""A company's managers write and edit listings on the site: the listing
is a draft page submitted to the regional review, public once the
coordinators of its region approve it. The right member, the wrong ones,
CSRF and bad input."""

import pytest
from django.urls import reverse
from wagtail.models import Page, Revision, TaskState, WorkflowState

from community.models import CompanyMembership, Role
from notifications.models import Notification
from partnerships.models import LISTING_LIFETIME, ListingPage
from tests.factories import CompanyFactory, ListingPageFactory, MemberFactory
from tests.helpers import AdminClient, csrf_client, csrf_token, logged_in

pytestmark = pytest.mark.django_db

WRITE = "/ru/partners/write/"


def form(regions, topics=(), **fields):
    return {
        "listing_type": "technology_request",
        "title": "Ищем датчики влажности",
        "summary": "Нужны датчики для теплиц.",
        "description": "Мы строим теплицы и ищем поставщика датчиков влажности.",
        "sought": "Производитель датчиков.",
        "topics": [topic.pk for topic in topics],
        "sector": "electronics",
        "region": regions["moscow"].pk,
        "stage": "prototype",
    } | fields


@pytest.fixture
def company(anna, regions):
    return CompanyFactory(name="Датчики и Ко", manager=anna, sector="electronics")


def written_state():
    return (
        ListingPage.objects.count(),
        Revision.objects.count(),
        WorkflowState.objects.count(),
        sorted(ListingPage.objects.values_list("title", "draft_title")),
    )


def test_a_manager_writes_a_listing_that_waits_for_the_regions_coordinators(
    partners_ru, company, anna, regions, topics, staff
):
    client = logged_in(anna)
    page = client.get(WRITE)
    assert page.status_code == 200
    assert "Датчики и Ко" in page.text
    # The company's sector and region are offered first.
    assert f'<option value="{regions["moscow"].pk}" selected>' in page.text

    response = client.post(WRITE, form(regions, [topics["ipr"]], company=company.pk))

    assert response.status_code == 302
    assert response["Location"] == "/ru/partners/mine/"
    listing = ListingPage.objects.get()
    assert not listing.live and listing.get_parent().pk == partners_ru.pk
    assert listing.locale == partners_ru.locale
    assert listing.owner == anna and listing.author == anna and listing.company == company
    assert list(listing.topics.all()) == [topics["ipr"]]
    assert listing.slug == "ishchem-datchiki-vlazhnosti"
    lifetime = listing.expire_at - listing.latest_revision_created_at
    assert abs(lifetime - LISTING_LIFETIME).total_seconds() < 60
    state = listing.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Regional review" and state.requested_by == anna
    # Moscow's coordinators are told; Ekaterinburg's are not.
    told = set(
        Notification.objects.filter(event="review_waiting").values_list("recipient", flat=True)
    )
    assert staff["moscow"].pk in told and staff["ekaterinburg"].pk not in told
    assert not ListingPage.objects.open().exists()
    # The member has no admin for this.
    assert client.get(reverse("wagtailadmin_home")).status_code == 302
    assert client.get(reverse("wagtailadmin_pages:edit", args=[listing.pk])).status_code == 302
    mine = client.get("/ru/partners/mine/").text
    assert "Ищем датчики влажности" in mine and "Ожидает проверки" in mine


def test_the_regions_coordinator_approves_and_another_region_cannot(
    partners_ru, company, anna, regions, staff
):
    logged_in(anna).post(WRITE, form(regions, company=company.pk))
    listing = ListingPage.objects.get()
    task_state = listing.current_workflow_task_state
    approve = reverse(
        "wagtailadmin_pages:workflow_action", args=[listing.pk, "approve", task_state.pk]
    )

    ekaterinburg = AdminClient(staff["ekaterinburg"])
    assert "Ищем датчики влажности" not in ekaterinburg.dashboard.text
    response = ekaterinburg.send("post", approve, {"comment": ""})
    assert response.status_code in (302, 403)
    assert not ListingPage.objects.open().exists()
    task_state.refresh_from_db()
    assert task_state.status == TaskState.STATUS_IN_PROGRESS

    moscow = AdminClient(staff["moscow"])
    assert "Ищем датчики влажности" in moscow.dashboard.text
    response = moscow.send("post", approve, {"comment": ""})

    assert response.status_code == 302
    assert list(ListingPage.objects.open()) == [listing]
    listing.refresh_from_db()
    assert listing.live and listing.expire_at is not None
    mine = logged_in(anna).get("/ru/partners/mine/").text
    assert "Опубликовано" in mine and "истекает" in mine


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_listing_is_written_in_the_language_of_the_page(
    partners_en, company, anna, regions, language
):
    english_moscow = regions["moscow"].get_translation(partners_en.locale)
    region = english_moscow if language == "en" else regions["moscow"]
    response = logged_in(anna).post(
        f"/{language}/partners/write/", form(regions, company=company.pk, region=region.pk)
    )
    assert response.status_code == 302
    listing = ListingPage.objects.get()
    assert listing.locale.language_code == language
    assert listing.region == region


def test_visitors_are_sent_to_log_in_and_nothing_is_written(client, partners_ru, company, regions):
    listing = ListingPageFactory(parent=partners_ru, company=company)
    before = written_state()
    for url in (WRITE, f"/ru/partners/{listing.pk}/edit/", f"/ru/partners/{listing.pk}/renew/"):
        response = client.post(url, form(regions, company=company.pk))
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert client.get("/ru/partners/mine/")["Location"].startswith("/ru/accounts/login/")
    assert written_state() == before


def test_members_who_manage_no_company_are_refused(partners_ru, company, boris, regions):
    company.memberships.create(user=boris, role=Role.MEMBER, accepted=True)
    client = logged_in(boris)
    before = written_state()

    page = client.get(WRITE)
    response = client.post(WRITE, form(regions, company=company.pk))

    assert page.status_code == response.status_code == 403
    assert "менеджеры компании" in response.text
    assert written_state() == before


def test_an_invited_manager_who_has_not_accepted_is_refused(partners_ru, company, boris, regions):
    CompanyMembership.objects.create(company=company, user=boris, role=Role.MANAGER)
    before = written_state()
    assert logged_in(boris).post(WRITE, form(regions, company=company.pk)).status_code == 403
    assert written_state() == before


def test_a_manager_cannot_write_for_a_company_they_do_not_manage(
    partners_ru, company, boris, regions
):
    CompanyFactory(name="Своя компания", manager=boris)
    before = written_state()
    response = logged_in(boris).post(WRITE, form(regions, company=company.pk))
    assert response.status_code == 200
    assert "Выберите одну из компаний, которыми вы управляете." in response.text
    assert written_state() == before


def test_csrf_is_enforced(partners_ru, company, anna, regions):
    client = csrf_client(anna)
    before = written_state()
    assert client.post(WRITE, form(regions, company=company.pk)).status_code == 403
    assert written_state() == before
    token = csrf_token(client, WRITE)
    response = client.post(WRITE, form(regions, company=company.pk, csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert ListingPage.objects.count() == 1


@pytest.mark.parametrize(
    ("language", "fields", "message"),
    [
        ("ru", {"title": "  "}, "Дайте объявлению заголовок."),
        ("en", {"title": ""}, "Give your listing a title."),
        ("ru", {"title": "x" * 151}, "не более 150"),
        ("ru", {"summary": "x" * 401}, "не более 400"),
        ("ru", {"description": ""}, "Опишите, что вы предлагаете или ищете."),
        ("en", {"sought": "x" * 1001}, "at most 1000 characters"),
        ("ru", {"listing_type": "gift"}, "Выберите вариант из списка."),
        ("ru", {"stage": ""}, "Требуется заполнить это поле."),
        ("ru", {"region": 999999}, "Выберите регион из списка."),
        ("ru", {"region": "moscow"}, "Выберите регион из списка."),
        ("en", {"topics": [999999]}, "Choose themes from the list."),
        ("ru", {"topics": ["x"]}, "Выберите темы из списка."),
        ("ru", {"company": 999999}, "Выберите одну из компаний, которыми вы управляете."),
    ],
)
def test_bad_input_is_explained_and_nothing_written(
    partners_en, company, anna, regions, language, fields, message
):
    before = written_state()
    region = regions["moscow"].get_translation(partners_en.locale) if language == "en" else None
    data = form(regions, company=company.pk) | ({"region": region.pk} if region else {})
    response = logged_in(anna).post(f"/{language}/partners/write/", data | fields)
    assert response.status_code == 200
    assert message in response.text
    assert written_state() == before


def test_a_region_of_the_other_language_is_refused(partners_en, company, anna, regions):
    """The English form offers English regions; a Russian id is forged."""
    before = written_state()
    response = logged_in(anna).post("/en/partners/write/", form(regions, company=company.pk))
    assert "Choose a region from the list." in response.text
    assert written_state() == before


# --- editing -------------------------------------------------------------------------


def published(partners_ru, company, **fields):
    listing = ListingPageFactory(parent=partners_ru, company=company, **fields)
    return ListingPage.objects.get(pk=listing.pk)


def test_a_manager_edits_and_the_live_version_stays_until_approved(
    partners_ru, company, anna, regions, topics, staff
):
    listing = published(partners_ru, company, title="Старое название")
    edit = f"/ru/partners/{listing.pk}/edit/"
    client = logged_in(anna)
    page = client.get(edit)
    assert page.status_code == 200 and "Старое название" in page.text

    response = client.post(edit, form(regions, [topics["ipr"]], title="Новое название"))

    assert response.status_code == 302
    listing.refresh_from_db()
    assert listing.live and listing.title == "Старое название"
    assert listing.draft_title == "Новое название" and listing.has_unpublished_changes
    assert listing.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert ListingPage.objects.open().get().title == "Старое название"
    # The form opens with the latest revision.
    assert "Новое название" in client.get(edit).text
    mine = client.get("/ru/partners/mine/").text
    assert "изменения ожидают проверки" in mine

    moscow = AdminClient(staff["moscow"])
    task_state = listing.current_workflow_task_state
    moscow.send(
        "post",
        reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, "approve", task_state.pk]),
        {"comment": ""},
    )
    listing.refresh_from_db()
    assert listing.title == "Новое название" and list(listing.topics.all()) == [topics["ipr"]]


def test_changes_requested_then_resubmitted(partners_ru, company, anna, regions, staff):
    logged_in(anna).post(WRITE, form(regions, company=company.pk))
    listing = ListingPage.objects.get()
    task_state = listing.current_workflow_task_state
    moscow = AdminClient(staff["moscow"])
    moscow.send(
        "post",
        reverse("wagtailadmin_pages:workflow_action", args=[listing.pk, "reject", task_state.pk]),
        {"comment": "Уточните сроки."},
    )
    listing.refresh_from_db()
    assert listing.current_workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES
    client = logged_in(anna)
    assert "Координаторы просят изменить" in client.get("/ru/partners/mine/").text

    client.post(f"/ru/partners/{listing.pk}/edit/", form(regions, summary="Сроки: весна."))

    listing.refresh_from_db()
    state = listing.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.count() == 1
    assert listing.get_latest_revision_as_object().summary == "Сроки: весна."


@pytest.mark.parametrize("who", ["member", "other_manager", "colleague_not_manager"])
def test_others_cannot_edit_or_renew(partners_ru, company, regions, who):
    listing = published(partners_ru, company)
    if who == "colleague_not_manager":
        user = MemberFactory()
        company.memberships.create(user=user, role=Role.MEMBER, accepted=True)
    elif who == "other_manager":
        user = MemberFactory()
        CompanyFactory(manager=user)
    else:
        user = MemberFactory()
    client = logged_in(user)
    before = written_state()
    expiry = listing.expire_at

    for url in (f"/ru/partners/{listing.pk}/edit/", f"/ru/partners/{listing.pk}/renew/"):
        response = client.post(url, form(regions, title="Чужое"))
        assert response.status_code == 403, url
        assert "Изменять объявление могут только менеджеры его компании." in response.text
    assert client.get(f"/ru/partners/{listing.pk}/edit/").status_code == 403
    assert written_state() == before
    listing.refresh_from_db()
    assert listing.expire_at == expiry


def test_an_unknown_listing_is_not_found(partners_ru, company, anna, regions, home_ru):
    client = logged_in(anna)
    before = written_state()
    for listing_id in (999999, home_ru.pk):
        for url in (f"/ru/partners/{listing_id}/edit/", f"/ru/partners/{listing_id}/renew/"):
            response = client.post(url, form(regions))
            assert response.status_code == 404, url
            assert "Такого объявления нет." in response.text
    assert written_state() == before


def test_editing_with_bad_input_writes_nothing(partners_ru, company, anna, regions):
    listing = published(partners_ru, company)
    before = written_state()
    response = logged_in(anna).post(
        f"/ru/partners/{listing.pk}/edit/", form(regions, title="", region=424242)
    )
    assert response.status_code == 200
    assert "Дайте объявлению заголовок." in response.text
    assert "Выберите регион из списка." in response.text
    assert written_state() == before


def test_edit_csrf_is_enforced(partners_ru, company, anna, regions):
    listing = published(partners_ru, company)
    before = written_state()
    client = csrf_client(anna)
    for url in (f"/ru/partners/{listing.pk}/edit/", f"/ru/partners/{listing.pk}/renew/"):
        assert client.post(url, form(regions)).status_code == 403
    assert written_state() == before
    assert Page.objects.get(pk=listing.pk).expire_at == listing.expire_at
