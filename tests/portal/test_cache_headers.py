"""Public pages may be cached briefly; anything personal never is."""

import pytest


@pytest.mark.django_db
def test_anonymous_page_is_publicly_cacheable_and_varies_on_cookie_and_language(
    client, home_ru, settings
):
    response = client.get("/ru/")

    assert response.status_code == 200
    cache_control = response["Cache-Control"]
    assert "public" in cache_control
    assert f"max-age={settings.PUBLIC_PAGE_MAX_AGE}" in cache_control
    vary = response["Vary"]
    assert "Cookie" in vary and "Accept-Language" in vary


@pytest.mark.django_db
def test_signed_in_members_pages_are_never_cached(client, home_ru, anna):
    client.force_login(anna)

    cache_control = client.get("/ru/")["Cache-Control"]

    assert "private" in cache_control and "no-cache" in cache_control
    assert "public" not in cache_control


@pytest.mark.django_db
def test_forms_that_set_a_csrf_cookie_are_not_cached(client, contact_ru):
    cache_control = client.get(contact_ru.url)["Cache-Control"]

    assert "public" not in cache_control
    assert "no-cache" in cache_control


@pytest.mark.django_db
def test_admin_is_never_cached(admin_client):
    cache_control = admin_client.get("/admin/")["Cache-Control"]

    assert "no-cache" in cache_control or "no-store" in cache_control
    assert "public" not in cache_control
