"""The coordinators' panel on the admin dashboard: each region coordinator
sees what waits in their own region — reviews, translations, events,
comments — in the admin language they chose; superusers see every region;
editors and other admins get no panel."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.urls import reverse

from home.demo import child_page
from home.models import StandardPage
from tests.factories import (
    CITIES,
    CaseStudyPageFactory,
    StaffFactory,
    draft_translation,
    may_edit,
    outdated_translation,
    put_work,
)

pytestmark = pytest.mark.localize


@pytest.fixture
def work(regions, library_ru, library_en, calendar_ru, calendar_en, staff):
    for slug in CITIES:
        put_work(regions[slug], library_ru, calendar_ru, staff["editor"])
    # Moscow's coordinators may edit the library, Ekaterinburg's nothing:
    # they see the same work, and only Moscow's get the links to do it.
    may_edit("moscow", library_ru)


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/")
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser").find(id="coordinators-dashboard-section")


def region_part(panel, slug):
    return panel.find(id=f"editorial-region-{slug}")


def section(panel, slug, key):
    return region_part(panel, slug).find(attrs={"data-section": key})


def count(part):
    return int(part.find(attrs={"data-count": True}).get_text())


def links(part):
    return {a.get_text(strip=True): a["href"] for a in part.find_all("a")}


def text(part):
    return " ".join(part.get_text(" ").split())


@pytest.mark.django_db
def test_moscow_coordinator_sees_moscow_work_in_english(client, work, staff):
    panel = dashboard(client, staff["moscow"])

    assert panel.find("h2").get_text(strip=True) == "Your regions"
    assert region_part(panel, "moscow").find("h3").get_text(strip=True) == "Moscow"
    assert region_part(panel, "ekaterinburg") is None
    assert "Екатеринбург" not in text(panel)

    reviews = section(panel, "moscow", "reviews")
    assert "Waiting for your review" in text(reviews)
    assert count(reviews) == 1
    assert "Москва: кейс на проверке 1" in links(reviews)

    translations = section(panel, "moscow", "translations")
    assert count(translations) == 2
    assert "no English translation" in text(translations)
    assert "changed since the English translation was synced" in text(translations)
    assert {"Translate", "Sync the translation"} <= set(links(translations))

    events = section(panel, "moscow", "events")
    assert count(events) == 1
    # Listed, but not linked: Moscow's coordinators may not edit events.
    assert "Москва: встреча 1" in text(events)
    assert "Москва: встреча 1" not in links(events)
    assert "2 of 2 seats confirmed, 1 waiting" in text(events)
    assert "прошедшая" not in text(events)

    comments = section(panel, "moscow", "comments")
    assert count(comments) == 2
    comments_url = links(comments)["Comments waiting for moderation"]
    assert comments_url == reverse("library_comments:index")
    assert client.get(comments_url).status_code == 200


@pytest.mark.django_db
def test_ekaterinburg_coordinator_sees_ekaterinburg_work_in_russian(client, work, staff):
    panel = dashboard(client, staff["ekaterinburg"])

    assert panel.find("h2").get_text(strip=True) == "Ваши регионы"
    assert region_part(panel, "ekaterinburg").find("h3").get_text(strip=True) == "Екатеринбург"
    assert region_part(panel, "moscow") is None
    assert "Москва" not in text(panel)

    reviews = section(panel, "ekaterinburg", "reviews")
    assert "Ждут вашей проверки" in text(reviews)
    review_url = links(reviews)["Екатеринбург: кейс на проверке 1"]
    # Reviewers reach the editor through the review, with no page rights.
    assert client.get(review_url).status_code == 200

    # Ekaterinburg's coordinators may edit no page: they see what waits,
    # with no links to screens that would turn them away.
    translations = section(panel, "ekaterinburg", "translations")
    assert count(translations) == 2
    assert "Екатеринбург: кейс без перевода 1 — нет перевода на английский" in text(translations)
    assert "изменено после синхронизации английского перевода" in text(translations)
    assert links(translations) == {}
    assert "подтверждено мест: 2 из 2, в листе ожидания: 1" in text(
        section(panel, "ekaterinburg", "events")
    )
    assert count(section(panel, "ekaterinburg", "comments")) == 2


@pytest.mark.django_db
def test_links_lead_to_the_editor_and_the_translation_tools(
    client, home_ru, home_en, regions, library_ru, library_en, staff
):
    may_edit("moscow", home_ru)
    may_edit("moscow", home_en)
    # Any page type with a region counts, not only library items and events.
    office = child_page(
        home_ru,
        StandardPage,
        "moscow-office",
        title="Московское отделение",
        region=regions["moscow"],
    )
    outdated = outdated_translation(
        CaseStudyPageFactory(
            parent=library_ru, region=regions["moscow"], title="Кейс с устаревшим переводом"
        )
    )
    untranslated = CaseStudyPageFactory(
        parent=library_ru, region=regions["moscow"], title="Кейс без перевода"
    )
    drafted = draft_translation(
        CaseStudyPageFactory(parent=library_ru, region=regions["moscow"], title="Кейс в переводе")
    )
    under_review = CaseStudyPageFactory(
        parent=library_ru, region=regions["moscow"], title="Кейс на проверке", live=False
    )
    under_review.get_workflow().start(under_review, staff["editor"])

    panel = dashboard(client, staff["moscow"])

    assert links(section(panel, "moscow", "reviews"))["Кейс на проверке"] == reverse(
        "wagtailadmin_pages:edit", args=[under_review.pk]
    )
    translations = section(panel, "moscow", "translations")
    rows = {li.find("a").get_text(strip=True): li for li in translations.find_all("li")}
    assert set(rows) == {
        "Кейс с устаревшим переводом",
        "Кейс без перевода",
        "Кейс в переводе",
        office.title,
    }
    assert links(rows["Кейс без перевода"]) == {
        "Кейс без перевода": reverse("wagtailadmin_pages:edit", args=[untranslated.pk]),
        "Translate": reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk]),
    }
    english_draft = drafted.get_translation(library_en.locale)
    assert not english_draft.live
    assert "English translation not published" in text(rows["Кейс в переводе"])
    assert links(rows["Кейс в переводе"])["Open the translation"] == reverse(
        "wagtailadmin_pages:edit", args=[english_draft.pk]
    )
    client.force_login(staff["moscow"])
    translate_url = links(rows["Кейс без перевода"])["Translate"]
    assert client.get(translate_url).status_code == 200
    sync_url = links(rows["Кейс с устаревшим переводом"])["Sync the translation"]
    response = client.get(sync_url)
    assert response.status_code == 200
    assert outdated.title in response.text


@pytest.mark.django_db
def test_a_synced_translation_is_no_longer_listed(
    client, regions, library_ru, library_en, staff, django_capture_on_commit_callbacks
):
    may_edit("moscow", library_ru)
    outdated = outdated_translation(
        CaseStudyPageFactory(
            parent=library_ru, region=regions["moscow"], title="Кейс с устаревшим переводом"
        )
    )
    translations = section(dashboard(client, staff["moscow"]), "moscow", "translations")
    sync_url = links(translations)["Sync the translation"]

    # wagtail-localize publishes the synced translation once the sync commits.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(sync_url, {"publish_translations": "on"})

    translations = section(dashboard(client, staff["moscow"]), "moscow", "translations")
    assert count(translations) == 0
    assert outdated.title not in text(translations)
    assert "Every page has an up-to-date English translation." in text(translations)


@pytest.mark.django_db
def test_a_translation_synced_without_publishing_stays_listed_until_published(
    client, regions, library_ru, library_en, staff, django_capture_on_commit_callbacks
):
    may_edit("moscow", library_ru)
    outdated = outdated_translation(
        CaseStudyPageFactory(
            parent=library_ru, region=regions["moscow"], title="Кейс с устаревшим переводом"
        )
    )
    translations = section(dashboard(client, staff["moscow"]), "moscow", "translations")
    client.post(links(translations)["Sync the translation"], {})  # "publish" left unticked

    # The English readers still see the old text: the work is not done.
    translations = section(dashboard(client, staff["moscow"]), "moscow", "translations")
    assert count(translations) == 1
    assert outdated.title in text(translations)

    english = outdated.get_translation(library_en.locale)
    client.force_login(staff["admin"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[english.pk]), {"action": "publish"}
        )
    assert response.status_code == 302

    translations = section(dashboard(client, staff["moscow"]), "moscow", "translations")
    assert count(translations) == 0
    assert "Every page has an up-to-date English translation." in text(translations)


@pytest.mark.django_db
def test_editors_and_admins_without_a_region_get_no_panel(client, work, staff):
    plain_admin = StaffFactory(username="plain-admin", language="en")
    plain_admin.user_permissions.add(
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin")
    )
    for user in (staff["editor"], staff["coordinator"], plain_admin):
        assert dashboard(client, user) is None


@pytest.mark.django_db
def test_superuser_sees_every_region(client, work, staff):
    panel = dashboard(client, staff["admin"])

    assert panel.find("h2").get_text(strip=True) == "All regions"
    headings = [h3.get_text(strip=True) for h3 in panel.find_all("h3")]
    assert headings == ["Moscow", "St Petersburg", "Ekaterinburg"]
    for slug, city in CITIES.items():
        assert f"{city}: кейс на проверке 1" in links(section(panel, slug, "reviews"))
        assert f"{city}: встреча 1" in links(section(panel, slug, "events"))
        assert count(section(panel, slug, "comments")) == 2
    quiet = region_part(panel, "st-petersburg")
    assert "Nothing is waiting for review." in text(quiet)
    assert "No upcoming events." in text(quiet)


@pytest.mark.django_db
def test_visitors_are_sent_to_the_admin_log_in(client, work):
    response = client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("wagtailadmin_login"))
