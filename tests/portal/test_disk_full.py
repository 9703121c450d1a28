"""A full disk when a member uploads a photo or a logo: the form comes back
with a clear message, the profile or company is unchanged and no file is
left behind.

The full disk is simulated by the file storage's _save raising
OSError(ENOSPC), where FileSystemStorage writes the file; a database that
fails after the logo was stored is an OperationalError from a post_save
receiver."""

import errno
from pathlib import Path
from unittest import mock

import pytest
from django.conf import settings
from django.core.files.storage import FileSystemStorage
from django.db import OperationalError
from django.db.models.signals import post_save

from community.models import Company, CompanyMembership, Profile
from tests.factories import CompanyFactory
from tests.helpers import csrf_client, csrf_token, picture

DISK_FULL_RU = "Не удалось сохранить изображение: наше файловое хранилище переполнено"


def stored_files():
    return {path for path in Path(settings.MEDIA_ROOT).rglob("*") if path.is_file()}


def disk_full():
    return mock.patch.object(
        FileSystemStorage, "_save", side_effect=OSError(errno.ENOSPC, "No space left on device")
    )


@pytest.mark.django_db
def test_a_photo_on_a_full_disk_changes_nothing(anna, people_ru):
    client = csrf_client(anna)
    token = csrf_token(client, "/ru/accounts/profile/edit/")
    before = stored_files()

    with disk_full():
        response = client.post(
            "/ru/accounts/profile/edit/",
            {
                "display_name": "Анна Новая",
                "visibility": "public",
                "position": "Директор",
                "photo": picture(),
                "csrfmiddlewaretoken": token,
            },
        )

    assert response.status_code == 200
    assert DISK_FULL_RU in response.text
    profile = Profile.objects.get(user=anna)
    assert (profile.display_name, profile.position, profile.photo.name) == ("Анна Соколова", "", "")
    assert stored_files() == before


@pytest.mark.django_db
def test_a_logo_on_a_full_disk_changes_nothing(anna, people_ru):
    company = CompanyFactory(name="Ромашка", slug="romashka", manager=anna, description="Было")
    client = csrf_client(anna)
    token = csrf_token(client, "/en/accounts/companies/romashka/edit/")
    before = stored_files()

    with disk_full():
        response = client.post(
            "/en/accounts/companies/romashka/edit/",
            {
                "name": "Ромашка",
                "sector": "software",
                "size": "micro",
                "description": "Стало",
                "logo": picture("logo.png", image_format="PNG"),
                "csrfmiddlewaretoken": token,
            },
        )

    assert response.status_code == 200
    assert "Your picture could not be stored: our file storage is full" in response.text
    company.refresh_from_db()
    assert (company.description, company.logo.name) == ("Было", "")
    assert stored_files() == before


@pytest.mark.django_db
def test_a_logo_stored_before_the_database_failed_is_removed(anna, people_ru):
    client = csrf_client(anna)
    client.raise_request_exception = False
    token = csrf_token(client, "/ru/accounts/companies/new/")
    before = stored_files()

    def database_goes_away(sender, created, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    post_save.connect(database_goes_away, sender=CompanyMembership, dispatch_uid="gone")
    try:
        response = client.post(
            "/ru/accounts/companies/new/",
            {
                "name": "Ромашка",
                "sector": "software",
                "size": "micro",
                "logo": picture("logo.png", image_format="PNG"),
                "csrfmiddlewaretoken": token,
            },
        )
    finally:
        post_save.disconnect(sender=CompanyMembership, dispatch_uid="gone")

    assert response.status_code == 503
    assert not Company.objects.exists()
    assert stored_files() == before
