"""Coordinators translate pages and taxonomies with wagtail-localize; other
people cannot reach the translation screens."""

import pytest
from django.urls import reverse
from wagtail.models import Locale

from tests.factories import TopicFactory

pytestmark = pytest.mark.localize


def submit_page_url(page):
    return reverse("wagtail_localize:submit_page_translation", args=[page.pk])


@pytest.mark.django_db
def test_coordinator_translates_a_page_and_opens_the_translation_editor(
    client, coordinator, about_ru, home_en, locale_en
):
    client.force_login(coordinator)

    form = client.get(submit_page_url(about_ru))
    assert form.status_code == 200

    response = client.post(submit_page_url(about_ru), {"locales": [locale_en.pk]})
    assert response.status_code == 302

    english = about_ru.get_translation(locale_en)
    assert english.title == about_ru.title  # untranslated yet: a copy to translate
    assert not english.live  # a new translation waits for review as a draft
    editor = client.get(reverse("wagtailadmin_pages:edit", args=[english.pk]))
    assert editor.status_code == 200
    assert "js-translation-editor" in editor.text


@pytest.mark.django_db
def test_coordinator_translates_a_topic(client, coordinator, locale_ru, locale_en):
    topic = TopicFactory(name="Маркетинг инноваций", slug="marketing")
    client.force_login(coordinator)
    url = reverse("wagtail_localize:submit_snippet_translation", args=["home", "topic", topic.pk])

    response = client.post(url, {"locales": [locale_en.pk]})

    assert response.status_code == 302
    english = topic.get_translation(locale_en)
    assert english.slug == "marketing"  # the slug is synchronised, not translated


@pytest.mark.django_db
def test_member_without_a_role_cannot_reach_the_translation_screens(
    client, anna, about_ru, home_en, locale_en
):
    client.force_login(anna)

    response = client.post(submit_page_url(about_ru), {"locales": [locale_en.pk]})

    # Wagtail sends people without admin access back to the admin log-in.
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert about_ru.get_translation_or_none(locale_en) is None


@pytest.mark.django_db
def test_visitor_is_sent_to_log_in(client, about_ru, locale_en):
    response = client.get(submit_page_url(about_ru))

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


@pytest.mark.django_db
def test_both_languages_exist_as_locales():
    assert set(Locale.objects.values_list("language_code", flat=True)) == {"ru", "en"}
