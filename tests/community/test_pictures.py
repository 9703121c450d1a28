"""Company logos are handled as profile photos are: a replaced logo is
deleted once the save is committed, and a refused upload keeps the old one."""

import pytest
from django.core.files.storage import default_storage

from community.models import Company
from tests.helpers import picture

NEW = "/ru/accounts/companies/new/"
EDIT = "/ru/accounts/companies/romashka/edit/"


def company_data(**overrides):
    return {"name": "Ромашка", "sector": "software", "size": "micro", "description": ""} | overrides


@pytest.mark.django_db
def test_replacing_or_clearing_a_logo_removes_the_old_file(
    anna, anna_client, people_ru, django_capture_on_commit_callbacks
):
    anna_client.post(NEW, company_data(logo=picture()))
    first = Company.objects.get().logo.name
    assert default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        anna_client.post(EDIT, company_data(logo=picture("second.png", image_format="PNG")))
    second = Company.objects.get().logo.name
    assert second.startswith("companies/logos/") and second.endswith(".png")
    assert default_storage.exists(second)
    assert not default_storage.exists(first)

    with django_capture_on_commit_callbacks(execute=True):
        anna_client.post(EDIT, company_data(**{"logo-clear": "on"}))
    assert Company.objects.get().logo.name == ""
    assert not default_storage.exists(second)


@pytest.mark.django_db
def test_a_refused_save_keeps_the_logo(
    anna, anna_client, people_ru, django_capture_on_commit_callbacks
):
    anna_client.post(NEW, company_data(logo=picture()))
    logo = Company.objects.get().logo.name

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = anna_client.post(
            EDIT, company_data(name="  ", logo=picture("second.png", image_format="PNG"))
        )

    assert response.status_code == 200
    assert "Исправьте ошибки ниже." in response.text
    assert list(response.context["form"].errors) == ["name"]
    assert callbacks == []
    assert Company.objects.get().logo.name == logo
    assert default_storage.exists(logo)
