"""A region's coordinators open, correct and translate their region's
library items wherever they are in the tree, but may not publish them
directly and may not touch another region's items (CSRF enforced)."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale, Page

from home.region_roles import region_group_name
from tests.factories import CaseStudyPageFactory, StaffFactory


def coordinator_of(region_slug):
    user = StaffFactory(
        username=f"{region_slug}-coordinator", groups=[region_group_name(region_slug)]
    )
    client = Client(enforce_csrf_checks=True)
    client.force_login(user)
    client.get(reverse("wagtailadmin_home"))
    return client


def post(client, url, data):
    return client.post(url, {**data, "csrfmiddlewaretoken": client.cookies["csrftoken"].value})


@pytest.fixture
def items(library_ru, library_en, regions, topics):
    return {
        "moscow": CaseStudyPageFactory(
            parent=library_ru, title="Московский кейс", region=regions["moscow"]
        ),
        "ekaterinburg": CaseStudyPageFactory(
            parent=library_ru, title="Уральский кейс", region=regions["ekaterinburg"]
        ),
    }


@pytest.mark.django_db
def test_a_coordinator_opens_their_regions_item_but_not_anothers(items):
    client = coordinator_of("moscow")

    own = client.get(reverse("wagtailadmin_pages:edit", args=[items["moscow"].pk]))
    other = client.get(reverse("wagtailadmin_pages:edit", args=[items["ekaterinburg"].pk]))

    assert own.status_code == 200
    assert other.status_code == 302 and other["Location"] == reverse("wagtailadmin_home")


@pytest.mark.django_db
def test_a_coordinator_cannot_unpublish_their_regions_item(items):
    client = coordinator_of("moscow")
    page = items["moscow"]
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    revisions = page.revisions.count()

    post(client, reverse("wagtailadmin_pages:unpublish", args=[page.pk]), {})

    assert Page.objects.get(pk=page.pk).live
    assert page.revisions.count() == revisions


@pytest.mark.django_db
@pytest.mark.localize
def test_a_coordinator_translates_their_regions_item_only(items):
    client = coordinator_of("moscow")
    english = Locale.objects.get(language_code="en")

    own = post(
        client,
        reverse("wagtail_localize:submit_page_translation", args=[items["moscow"].pk]),
        {"locales": [english.pk]},
    )
    other = post(
        client,
        reverse("wagtail_localize:submit_page_translation", args=[items["ekaterinburg"].pk]),
        {"locales": [english.pk]},
    )

    translation = items["moscow"].get_translation_or_none(english)
    assert own.status_code == 302 and translation is not None and not translation.live
    # The translation editor opens for the coordinator of the item's region.
    assert client.get(reverse("wagtailadmin_pages:edit", args=[translation.pk])).status_code == 200
    assert other.status_code == 302 and other["Location"] == reverse("wagtailadmin_home")
    assert items["ekaterinburg"].get_translation_or_none(english) is None
