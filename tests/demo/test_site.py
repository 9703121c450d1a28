"""`load_demo_content` builds a complete bilingual site, and running it
again changes nothing."""

import io

from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision
from wagtail_localize.models import StringTranslation, Translation

from home.models import FormField, Region, SiteSettings, Topic


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "locale__language_code", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "topics": sorted(Topic.objects.values_list("slug", "locale__language_code", "name")),
        "regions": sorted(Region.objects.values_list("slug", "locale__language_code", "name")),
        "form_fields": FormField.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_demo_content_is_idempotent(demo):
    first = snapshot()

    call_command("load_demo_content", stdout=io.StringIO())

    assert snapshot() == first


def test_demo_prints_the_admin_log_in(demo):
    assert "log in as “admin”" in demo
    assert get_user_model().objects.get(username="admin").is_superuser


def test_demo_builds_both_languages(demo):
    for language in ("ru", "en"):
        assert Topic.objects.filter(locale__language_code=language).count() == 8
        assert Region.objects.filter(locale__language_code=language).count() == 3
    assert Topic.objects.get(slug="ipr", locale__language_code="en").short_name == "IPR"
    assert Region.objects.get(slug="ekaterinburg", locale__language_code="en").time_zone == (
        "Asia/Yekaterinburg"
    )
    english_titles = set(
        Page.objects.live().filter(locale__language_code="en").values_list("title", flat=True)
    )
    assert {"About the project", "Contact us"} <= english_titles


def test_demo_site_is_served_in_both_languages(demo, client):
    russian = client.get("/ru/").text
    english = client.get("/en/").text

    assert "Что даёт участие" in russian
    assert "What members get" in english
    assert "Free training tailored to small and medium-sized companies." in english
    # The main menu and the footer follow the language.
    assert 'href="/en/about/"' in english and 'href="/en/contact/"' in english
    assert 'href="/ru/about/"' in russian
    # Join box leads to the contact page of the same language.
    assert "Join the community" in english


def test_demo_keeps_one_page_untranslated(demo, client):
    response = client.get("/ru/about/ekaterinburg-centre/")

    assert response.status_code == 200
    assert "/en/translation-missing/" in response.text


def test_demo_contains_no_real_contact_details(demo):
    settings = SiteSettings.objects.get()
    assert settings.contact_email.endswith(".example")
    assert settings.phone == ""
