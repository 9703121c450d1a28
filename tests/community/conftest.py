"""Fixtures of the community tests: the people directory (Russian and its
English translation), members with confirmed addresses, companies, and
small pictures to upload. Regions and themes come from tests/conftest.py."""

import io

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from community.models import Company, CompanyMembership, PeopleIndexPage, Profile, Role
from home.demo import child_page, translate

PASSWORD = "pw-Correct-horse-42"


@pytest.fixture
def people_ru(home_ru, regions, topics):
    return child_page(
        home_ru,
        PeopleIndexPage,
        "people",
        title="Люди",
        intro="Участники сообщества.",
        show_in_menus=True,
    )


@pytest.fixture
def people_en(people_ru, home_en):
    return translate(
        people_ru, "en", {"Люди": "People", "Участники сообщества.": "Community members."}
    )


@pytest.fixture
def make_member(db):
    """make_member("anna", visibility=...) -> a member with a confirmed
    address and a profile."""

    def make(login, *, name=None, profile=True, **profile_fields):
        email = f"{login}@members.example"
        user = get_user_model().objects.create_user(login, email, PASSWORD)
        EmailAddress.objects.create(user=user, email=email, verified=True, primary=True)
        if profile:
            themes = profile_fields.pop("themes", [])
            created = Profile.objects.create(
                user=user, display_name=name or login.title(), **profile_fields
            )
            created.themes.set(themes)
        return user

    return make


@pytest.fixture
def anna(make_member):
    return make_member("anna", name="Анна Соколова", visibility="public")


@pytest.fixture
def boris(make_member):
    return make_member("boris", name="Борис Орлов", visibility="members")


def logged_in(user):
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


@pytest.fixture
def anna_client(anna):
    return logged_in(anna)


@pytest.fixture
def boris_client(boris):
    return logged_in(boris)


@pytest.fixture
def make_company(db, regions):
    def make(name, manager, *, slug=None, sector="software", region="moscow", members=()):
        company = Company(name=name, sector=sector, region=regions[region])
        if slug:
            company.slug = slug
        company.save()
        CompanyMembership.objects.create(
            company=company, user=manager, role=Role.MANAGER, accepted=True
        )
        for member in members:
            CompanyMembership.objects.create(
                company=company, user=member, role=Role.MEMBER, accepted=True
            )
        return company

    return make


def picture(name="photo.jpg", size=(64, 48), image_format="JPEG", colour="navy"):
    output = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, size, colour).save(output, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image_format, "image/gif")
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def csrf_client(user=None):
    """A client that enforces CSRF, with the token from a page it opened."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


def csrf_token(client, url):
    """Open `url` (a page with a form) and return the CSRF token it set."""
    response = client.get(url)
    assert response.status_code == 200, url
    return client.cookies["csrftoken"].value
