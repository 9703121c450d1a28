"""One-click unsubscribe: the link in a notification e-mail turns off that
one event type (or the digest) for that one member, without logging in,
from the page's button or from the mail client's RFC 8058 POST."""

import time
from unittest import mock

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from notifications.models import Preference
from notifications.preferences import all_channels_for, set_channel
from notifications.unsubscribe import make_token
from tests.factories import MemberFactory
from tests.helpers import csrf_client

pytestmark = pytest.mark.django_db


def link(user, event, language="en"):
    with translation.override(language):
        return reverse("notifications:unsubscribe", args=[make_token(user, event)])


def preferences():
    return sorted(Preference.objects.values_list("user__username", "event", "channel"))


def test_the_link_shows_a_confirmation_in_the_links_language_and_changes_nothing(home_ru, anna):
    english = csrf_client().get(link(anna, "like", "en"))
    russian = csrf_client().get(link(anna, "like", "ru"))

    assert english.status_code == 200
    assert "Stop e-mails about: Likes of what I wrote?" in english.text
    assert "Больше не присылать письма: Отметки «нравится» на мои записи?" in russian.text
    assert '<form class="form" method="post"' in english.text
    assert preferences() == []


def test_the_button_turns_off_only_that_event_for_that_member(home_ru, anna, boris):
    set_channel(anna, "reply", "email")
    set_channel(boris, "like", "daily")
    before = all_channels_for(anna)

    response = csrf_client().post(link(anna, "like"))

    assert response.status_code == 200
    assert "You will no longer receive: Likes of what I wrote." in response.text
    assert all_channels_for(anna) == {**before, "like": "off"}
    assert preferences() == [
        ("anna", "like", "off"),
        ("anna", "reply", "email"),
        ("boris", "like", "daily"),
    ]


def test_a_mail_clients_one_click_post_needs_no_csrf_token_nor_cookie(home_ru, anna):
    client = csrf_client()

    response = client.post(
        link(anna, "digest", "ru"),
        data="List-Unsubscribe=One-Click",
        content_type="application/x-www-form-urlencoded",
    )

    assert response.status_code == 200
    assert "Вы больше не будете получать:" in response.text
    assert preferences() == [("anna", "digest", "off")]


def test_the_digest_link_turns_off_the_digest(home_ru, anna):
    csrf_client().post(link(anna, "digest"))

    assert all_channels_for(anna)["digest"] == "off"


def refused(url, language="en"):
    response = csrf_client().post(url)
    assert response.status_code == 400
    return response.text


def test_a_forged_token_is_refused_with_a_clear_message(home_ru, anna):
    with translation.override("en"):
        url = reverse("notifications:unsubscribe", args=["not-a-token"])

    text = refused(url)

    assert "This link does not work" in text
    assert preferences() == []


def test_a_tampered_token_is_refused(home_ru, anna, boris):
    token = make_token(anna, "like")
    # Another member's id under anna's signature.
    forged = make_token(boris, "like").split(":")[0] + ":" + token.split(":", 1)[1]
    with translation.override("ru"):
        url = reverse("notifications:unsubscribe", args=[forged])

    text = refused(url)

    assert "Эта ссылка не работает" in text
    assert csrf_client().get(url).status_code == 400
    assert preferences() == []


def test_a_token_older_than_a_year_is_refused(home_ru, anna):
    two_years_ago = time.time() - 2 * 365 * 24 * 60 * 60
    with mock.patch("django.core.signing.time.time", return_value=two_years_ago):
        url = link(anna, "like")

    refused(url)

    assert preferences() == []


def test_a_token_for_an_unknown_event_is_refused(home_ru, anna):
    refused(link(anna, "no_such_event"))

    assert preferences() == []


def test_a_token_of_a_deleted_member_is_refused(home_ru):
    member = MemberFactory()
    url = link(member, "like")
    member.delete()

    refused(url)

    assert preferences() == []
    assert not get_user_model().objects.filter(pk=member.pk).exists()
