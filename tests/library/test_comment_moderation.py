"""Who hides and shows which comments (library/moderation.py): a region's
coordinators those on their region's items, on the site and in the admin's
Comments screen; Moderators and the head office's Coordinators every one;
members none. Posts carry a real CSRF token."""

import pytest
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from tests.factories import CaseStudyPageFactory, CommentFactory
from tests.helpers import AdminClient, csrf_client, csrf_token

MOSCOW_TEXT = "Moscow-comment"
URAL_TEXT = "Ural-comment"


@pytest.fixture
def comments(library_ru, regions, topics):
    """{region slug: a public comment on a case study of that region}."""
    found = {}
    for slug, text in (("moscow", MOSCOW_TEXT), ("ekaterinburg", URAL_TEXT)):
        item = CaseStudyPageFactory(parent=library_ru, region=regions[slug], topics=[topics["ipr"]])
        found[slug] = CommentFactory(page=item, comment=text)
    return found


def page_of(comment):
    return comment.content_object


def moderate_on_site(user, comment, action):
    """The hide or show button of the item page, pressed with the page's
    CSRF token."""
    client = csrf_client(user)
    token = csrf_token(client, page_of(comment).url)
    return client.post(f"/ru/comments/{comment.pk}/{action}/", {"csrfmiddlewaretoken": token})


def flags(comment):
    fresh = XtdComment.objects.get(pk=comment.pk)
    return fresh.is_public, fresh.is_removed


@pytest.fixture
def people(staff, moderator, anna):
    return {
        "moscow": staff["moscow"],
        "ekaterinburg": staff["ekaterinburg"],
        "head office": staff["coordinator"],
        "moderator": moderator,
        "member": anna,
    }


MAY_MODERATE = {
    "moscow": {"moscow"},
    "ekaterinburg": {"ekaterinburg"},
    "head office": {"moscow", "ekaterinburg"},
    "moderator": {"moscow", "ekaterinburg"},
    "member": set(),
}


@pytest.mark.django_db
@pytest.mark.parametrize("who", list(MAY_MODERATE))
@pytest.mark.parametrize("region", ["moscow", "ekaterinburg"])
def test_hiding_and_showing_a_comment_on_the_site(people, comments, who, region):
    comment, user = comments[region], people[who]

    hidden = moderate_on_site(user, comment, "hide")

    if region in MAY_MODERATE[who]:
        assert hidden.status_code == 302
        assert flags(comment) == (True, True)
        assert moderate_on_site(user, comment, "approve").status_code == 302
        assert flags(comment) == (True, False)
    else:
        assert hidden.status_code == 403
        assert flags(comment) == (True, False)


@pytest.mark.django_db
def test_a_coordinator_cannot_show_a_comment_hidden_in_another_region(people, comments):
    ural = comments["ekaterinburg"]
    assert moderate_on_site(people["moderator"], ural, "hide").status_code == 302

    response = moderate_on_site(people["moscow"], ural, "approve")

    assert response.status_code == 403
    assert "Only moderators and this region" in response.text or "только модераторы" in (
        response.text
    )
    assert flags(ural) == (True, True)


@pytest.mark.django_db
def test_the_item_page_offers_the_buttons_only_to_those_who_may_press_them(people, comments):
    client = csrf_client(people["moscow"])

    assert "/hide/" in client.get(page_of(comments["moscow"]).url).text
    assert "/hide/" not in client.get(page_of(comments["ekaterinburg"]).url).text


def admin_list(user):
    response = AdminClient(user).get(reverse("library_comments:index"))
    assert response.status_code == 200
    return {text for text in (MOSCOW_TEXT, URAL_TEXT) if text in response.text}


@pytest.mark.django_db
def test_the_admin_list_shows_a_coordinator_their_regions_comments(people, comments):
    assert admin_list(people["moscow"]) == {MOSCOW_TEXT}
    assert admin_list(people["ekaterinburg"]) == {URAL_TEXT}
    assert admin_list(people["moderator"]) == {MOSCOW_TEXT, URAL_TEXT}
    assert admin_list(people["head office"]) == {MOSCOW_TEXT, URAL_TEXT}


def edit_in_admin(user, comment):
    client = AdminClient(user)
    url = reverse("library_comments:edit", args=[comment.pk])
    return client, url, client.send("post", url, {"is_removed": "on"})


def refused(response):
    return response.status_code in (403, 404) or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.mark.django_db
def test_a_coordinator_edits_only_their_regions_comments_in_the_admin(people, comments):
    client, url, response = edit_in_admin(people["moscow"], comments["ekaterinburg"])
    assert refused(response)
    assert refused(client.get(url))
    history = reverse("library_comments:history", args=[comments["ekaterinburg"].pk])
    assert refused(client.get(history))
    assert flags(comments["ekaterinburg"]) == (True, False)

    _client, _url, response = edit_in_admin(people["moscow"], comments["moscow"])
    assert response.status_code == 302
    assert flags(comments["moscow"]) == (False, True)


@pytest.mark.django_db
def test_moderators_edit_every_comment_in_the_admin(people, comments):
    for comment in comments.values():
        _client, _url, response = edit_in_admin(people["moderator"], comment)
        assert response.status_code == 302
        assert flags(comment) == (False, True)


@pytest.mark.django_db
def test_an_editor_has_no_comments_screen(staff, comments):
    client = AdminClient(staff["editor"])

    assert refused(client.get(reverse("library_comments:index")))
    _client, url, response = edit_in_admin(staff["editor"], comments["moscow"])
    assert refused(response)
    assert flags(comments["moscow"]) == (True, False)
