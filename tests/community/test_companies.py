"""Company profiles: the creator manages the company; managers edit it,
invite and remove members; nobody else can touch it."""

import pytest
from django.core import mail
from django.db import IntegrityError
from django.test import Client

from community.models import Company, CompanyMembership, Role
from tests.factories import CompanyFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token, logged_in, picture


def company_data(**overrides):
    data = {"name": "Ромашка", "sector": "software", "size": "micro", "description": ""}
    data.update(overrides)
    return data


@pytest.mark.django_db
@pytest.mark.parametrize(("language", "label"), [("ru", "Отрасль"), ("en", "Sector")])
def test_company_form_in_both_languages(anna_client, people_en, language, label):
    response = anna_client.get(f"/{language}/accounts/companies/new/")

    assert response.status_code == 200
    assert label in response.text
    assert "Программное обеспечение и ИТ-услуги" in response.text or language == "en"


@pytest.mark.django_db
def test_creator_becomes_the_manager(anna, people_ru, regions):
    client = csrf_client(anna)
    token = csrf_token(client, "/ru/accounts/companies/new/")

    response = client.post(
        "/ru/accounts/companies/new/",
        company_data(
            region=regions["moscow"].pk,
            website="https://romashka.example",
            logo=picture("logo.png", image_format="PNG"),
            csrfmiddlewaretoken=token,
            # Extra fields try to put someone else in charge: ignored.
            slug="taken-over",
            memberships="1",
            user="2",
        ),
    )

    assert response.status_code == 302
    company = Company.objects.get()
    assert company.slug == "romashka"
    assert company.logo.name.startswith("companies/logos/") and company.logo.name.endswith(".png")
    membership = CompanyMembership.objects.get(company=company)
    assert (membership.user, membership.role, membership.accepted) == (anna, Role.MANAGER, True)
    page = Client().get("/ru/people/company/romashka/").text
    assert "Ромашка" in page and 'rel="nofollow ugc noopener"' in page


@pytest.mark.django_db
def test_company_form_without_csrf_is_refused(anna, people_ru):
    response = csrf_client(anna).post("/ru/accounts/companies/new/", company_data())

    assert response.status_code == 403
    assert not Company.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (company_data(name="  "), "Требуется заполнить это поле."),
        (company_data(sector="weapons"), "Выберите корректный вариант."),
        (company_data(website="javascript:alert(1)"), "Введите правильный URL."),
        (company_data(description="x" * 3001), "не более 3000 символов"),
    ],
)
def test_bad_company_input_writes_nothing(anna_client, people_ru, data, message):
    response = anna_client.post("/ru/accounts/companies/new/", data)

    assert response.status_code == 200
    assert message in response.text
    assert not Company.objects.exists()
    assert not CompanyMembership.objects.exists()


@pytest.mark.django_db
def test_a_script_as_logo_is_refused(anna_client, people_ru):
    from django.core.files.uploadedfile import SimpleUploadedFile

    fake = SimpleUploadedFile("logo.png", b"<script>alert(1)</script>", content_type="image/png")

    response = anna_client.post("/ru/accounts/companies/new/", company_data(logo=fake))

    assert "Этот файл не подходит" in response.text
    assert not Company.objects.exists()


@pytest.mark.django_db
def test_names_make_unique_readable_addresses(anna_client, people_ru):
    anna_client.post("/ru/accounts/companies/new/", company_data(name="Ромашка"))
    anna_client.post("/ru/accounts/companies/new/", company_data(name="Ромашка"))
    anna_client.post("/ru/accounts/companies/new/", company_data(name="!!!"))

    assert sorted(Company.objects.values_list("slug", flat=True)) == [
        "company",
        "romashka",
        "romashka-2",
    ]


@pytest.mark.django_db
def test_manager_edits_the_company(anna, anna_client, people_ru, regions):
    company = CompanyFactory(name="Ромашка", manager=anna)

    response = anna_client.post(
        "/ru/accounts/companies/romashka/edit/", company_data(name="Ромашка и партнёры")
    )

    assert response.status_code == 302
    company.refresh_from_db()
    assert company.name == "Ромашка и партнёры"
    assert company.slug == "romashka"  # addresses do not change under links


@pytest.fixture
def romashka(anna, boris, regions):
    """Anna manages Ромашка; Boris is an ordinary member of it."""
    return CompanyFactory(name="Ромашка", manager=anna, members=[boris])


@pytest.fixture
def outsider(db):
    return MemberFactory(username="olga", name="Ольга Посторонняя")


def wrong_member_requests(company, anna_membership, boris_membership):
    slug = company.slug
    return [
        ("get", f"/ru/accounts/companies/{slug}/edit/", {}),
        ("post", f"/ru/accounts/companies/{slug}/edit/", company_data(name="Захвачено")),
        ("get", f"/ru/accounts/companies/{slug}/members/", {}),
        ("post", f"/ru/accounts/companies/{slug}/members/", {"email": "x@members.example"}),
        ("post", f"/ru/accounts/companies/{slug}/members/{anna_membership.pk}/remove/", {}),
        ("post", f"/ru/accounts/companies/{slug}/members/{boris_membership.pk}/remove/", {}),
        ("get", f"/ru/accounts/companies/{slug}/delete/", {}),
        ("post", f"/ru/accounts/companies/{slug}/delete/", {}),
        ("post", f"/ru/accounts/memberships/{anna_membership.pk}/leave/", {}),
        ("post", f"/ru/accounts/invitations/{anna_membership.pk}/accept/", {}),
        ("post", f"/ru/accounts/invitations/{anna_membership.pk}/decline/", {}),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize("who", ["boris", "outsider"])
def test_nobody_but_a_manager_can_touch_the_company(
    people_ru, romashka, anna, boris, outsider, who
):
    """An ordinary member of the company and a member from outside try every
    form and URL of it, and of Anna's membership: all answer 404."""
    client = logged_in(boris if who == "boris" else outsider)
    anna_membership = romashka.memberships.get(user=anna)
    boris_membership = romashka.memberships.get(user=boris)

    for method, url, data in wrong_member_requests(romashka, anna_membership, boris_membership):
        response = getattr(client, method)(url, data)
        assert response.status_code == 404, (method, url)

    romashka.refresh_from_db()
    assert romashka.name == "Ромашка"
    assert romashka.memberships.count() == 2
    assert romashka.memberships.get(user=anna).role == Role.MANAGER
    assert not CompanyMembership.objects.filter(user__email="x@members.example").exists()


@pytest.mark.django_db
def test_visitors_are_sent_to_log_in(people_ru, romashka):
    client = Client()

    for url in (
        "/ru/accounts/companies/",
        "/ru/accounts/companies/new/",
        "/ru/accounts/companies/romashka/edit/",
        "/ru/accounts/companies/romashka/members/",
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/accounts/login/")


@pytest.mark.django_db
def test_actions_that_change_things_need_post(people_ru, romashka, anna, anna_client):
    membership = romashka.memberships.get(user=anna)

    for url in (
        f"/ru/accounts/companies/romashka/members/{membership.pk}/remove/",
        f"/ru/accounts/memberships/{membership.pk}/leave/",
        f"/ru/accounts/invitations/{membership.pk}/accept/",
    ):
        assert anna_client.get(url).status_code == 405
    assert romashka.memberships.count() == 2


@pytest.mark.django_db
def test_removing_a_member_needs_csrf(people_ru, romashka, anna, boris):
    client = csrf_client(anna)
    membership = romashka.memberships.get(user=boris)
    url = f"/ru/accounts/companies/romashka/members/{membership.pk}/remove/"

    assert client.post(url).status_code == 403
    token = csrf_token(client, "/ru/accounts/companies/romashka/members/")
    assert client.post(url, {"csrfmiddlewaretoken": token}).status_code == 302

    assert not romashka.memberships.filter(user=boris).exists()


@pytest.mark.django_db
def test_invitation_is_accepted_by_the_invited_member_only(
    people_ru, romashka, anna_client, outsider, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = anna_client.post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "OLGA@members.example", "role": "manager"},
            follow=True,
        )

    assert "Если у участника портала есть такой адрес, он получил приглашение" in response.text
    invitation = romashka.memberships.get(user=outsider)
    assert not invitation.accepted and invitation.role == Role.MANAGER
    assert mail.outbox[-1].to == ["olga@members.example"]
    assert "Ромашка" in mail.outbox[-1].subject
    assert "http://testserver/ru/accounts/companies/" in mail.outbox[-1].body
    # Not listed until accepted.
    assert "Ольга Посторонняя" not in anna_client.get("/ru/people/company/romashka/").text

    client = csrf_client(outsider)
    page = client.get("/ru/accounts/companies/").text
    assert "Вас пригласили присоединиться" in page
    token = client.cookies["csrftoken"].value
    client.post(f"/ru/accounts/invitations/{invitation.pk}/accept/", {"csrfmiddlewaretoken": token})

    invitation.refresh_from_db()
    assert invitation.accepted
    assert "Ольга Посторонняя" in anna_client.get("/ru/people/company/romashka/").text


@pytest.mark.django_db
def test_invitations_do_not_reveal_who_has_an_account(
    people_ru, romashka, anna_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        known = anna_client.post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "boris@members.example", "role": "member"},
        )
        unknown = anna_client.post(
            "/ru/accounts/companies/romashka/members/",
            {"email": "nobody@members.example", "role": "member"},
        )

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]
    bad = anna_client.post("/ru/accounts/companies/romashka/members/", {"email": "not-an-address"})
    assert bad.status_code == 200
    assert "Введите правильный адрес электронной почты." in bad.text
    assert known["Location"] == unknown["Location"]
    assert len(mail.outbox) == 0  # Boris is already in; nobody has the other address
    assert romashka.memberships.count() == 2


@pytest.mark.django_db
def test_invited_member_may_decline(people_ru, romashka, anna, outsider):
    invitation = CompanyMembership.objects.create(
        company=romashka, user=outsider, invited_by=anna, accepted=False
    )

    logged_in(outsider).post(f"/ru/accounts/invitations/{invitation.pk}/decline/")

    assert not CompanyMembership.objects.filter(pk=invitation.pk).exists()


@pytest.mark.django_db
def test_the_last_manager_cannot_leave_or_be_removed(people_ru, romashka, anna, boris):
    client = logged_in(anna)
    membership = romashka.memberships.get(user=anna)

    left = client.post(f"/ru/accounts/memberships/{membership.pk}/leave/", follow=True)
    removed = client.post(
        f"/ru/accounts/companies/romashka/members/{membership.pk}/remove/", follow=True
    )

    for response in (left, removed):
        assert "У компании должен быть хотя бы один руководитель." in response.text
    assert romashka.memberships.get(user=anna).role == Role.MANAGER


@pytest.mark.django_db
def test_a_member_may_leave(people_ru, romashka, boris):
    membership = romashka.memberships.get(user=boris)

    logged_in(boris).post(f"/ru/accounts/memberships/{membership.pk}/leave/")

    assert not romashka.memberships.filter(user=boris).exists()


@pytest.mark.django_db
def test_manager_deletes_the_company_and_its_logo(
    people_ru, anna, anna_client, django_capture_on_commit_callbacks
):
    from django.core.files.storage import default_storage

    anna_client.post("/ru/accounts/companies/new/", company_data(logo=picture()))
    logo = Company.objects.get().logo.name
    assert default_storage.exists(logo)

    with django_capture_on_commit_callbacks(execute=True):
        response = anna_client.post("/ru/accounts/companies/romashka/delete/")

    assert response.status_code == 302
    assert not Company.objects.exists()
    assert not CompanyMembership.objects.exists()
    assert not default_storage.exists(logo)


@pytest.mark.django_db
def test_two_companies_of_one_name_created_at_once_both_get_an_address(
    anna, people_ru, regions, monkeypatch
):
    """Two members create "Ромашка" at the same moment: both find the
    address "romashka" free, and the other member's company is saved in
    between. Simulated deterministically: this one's first look misses it."""
    CompanyFactory(name="Ромашка")  # the other member's, saved meanwhile
    looks = []
    real_unique_slug = Company._unique_slug

    def first_look_misses_the_other(company):
        looks.append(company.name)
        return "romashka" if len(looks) == 1 else real_unique_slug(company)

    monkeypatch.setattr(Company, "_unique_slug", first_look_misses_the_other)
    client = csrf_client(anna)
    token = csrf_token(client, "/ru/accounts/companies/new/")

    response = client.post(
        "/ru/accounts/companies/new/",
        company_data(region=regions["moscow"].pk, csrfmiddlewaretoken=token),
    )

    assert response.status_code == 302
    assert response["Location"] == "/ru/accounts/companies/romashka-2/members/"
    assert sorted(Company.objects.values_list("slug", flat=True)) == ["romashka", "romashka-2"]
    mine = Company.objects.get(slug="romashka-2")
    assert mine.memberships.get().user == anna


@pytest.mark.django_db
def test_looking_for_a_free_address_gives_up_after_a_few_tries(monkeypatch):
    """An address that stays taken however often it is looked for (which a
    real race cannot do) ends in the database's error, not a loop."""
    CompanyFactory(name="Ромашка", slug="romashka")
    monkeypatch.setattr(Company, "_unique_slug", lambda company: "romashka")

    with pytest.raises(IntegrityError):
        CompanyFactory(name="Ромашка")

    assert Company.objects.count() == 1
