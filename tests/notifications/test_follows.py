"""Following themes, regions and members: the follow button on their pages,
its action, the settings page (channels, e-mail language, what I follow),
the language of a new member's e-mails, and the member's data."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from home.models import SiteSettings
from notifications.models import Follow, MemberSettings, Notification, Preference
from tests.factories import PASSWORD, ArticlePageFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token, logged_in, queries_on_table, warm_queries

FOLLOW = "/ru/notifications/follow/"
SETTINGS = "/ru/notifications/settings/"
SETTINGS_EN = "/en/notifications/settings/"


def key(term):
    return str(term.translation_key)


def follow_button(html):
    return BeautifulSoup(html, "html.parser").select_one(".follow-button")


def posted(client, url, data):
    """POST `data` with the CSRF token of the page at `url`."""
    token = csrf_token(client, url)
    return client.post(FOLLOW, {**data, "csrfmiddlewaretoken": token})


@pytest.fixture
def theme_page(library_ru, topics):
    return f"{library_ru.url}topic/ipr/"


@pytest.fixture
def region_page(moscow_page):
    return moscow_page


def profile_page(people, member):
    return f"{people.url}member/{member.profile.pk}/"


# --- the button on pages -------------------------------------------------------


@pytest.mark.django_db
def test_a_member_follows_and_unfollows_a_theme_from_its_page(anna, theme_page, topics):
    client = csrf_client(anna)
    button = follow_button(client.get(theme_page).text)
    assert button.select_one("button")["aria-pressed"] == "false"
    assert button.select_one("button").get_text(strip=True) == "Подписаться"
    data = {
        i["name"]: i["value"] for i in button.select("input") if i["name"] != "csrfmiddlewaretoken"
    }
    assert data == {
        "kind": "theme",
        "key": key(topics["ipr"]),
        "next": theme_page,
        "action": "follow",
    }

    response = posted(client, theme_page, data)

    assert response.status_code == 302 and response["Location"] == theme_page
    assert Follow.objects.filter(user=anna, kind="theme", key=key(topics["ipr"])).exists()
    page = client.get(theme_page)
    assert "Вы подписались на «Права интеллектуальной собственности»." in page.text
    button = follow_button(page.text).select_one("button")
    assert button["aria-pressed"] == "true"
    assert "Вы подписаны" in button.get_text()

    posted(client, theme_page, {**data, "action": "unfollow"})

    assert not Follow.objects.filter(user=anna).exists()
    button = follow_button(client.get(theme_page).text).select_one("button")
    assert button["aria-pressed"] == "false"


@pytest.mark.django_db
def test_the_button_speaks_english_on_english_pages(anna, library_en, topics):
    page = logged_in(anna).get(f"{library_en.url}topic/ipr/")

    assert follow_button(page.text).select_one("button").get_text(strip=True) == "Follow"


@pytest.mark.django_db
def test_a_member_follows_a_region_from_its_region_page(anna, region_page, regions):
    client = csrf_client(anna)
    button = follow_button(client.get(region_page.url).text)
    assert button.select_one("input[name=key]")["value"] == key(regions["moscow"])

    posted(client, region_page.url, {"kind": "region", "key": key(regions["moscow"])})

    assert Follow.objects.filter(user=anna, kind="region", key=key(regions["moscow"])).exists()


@pytest.mark.django_db
def test_a_member_follows_another_member_from_their_profile_not_their_own(anna, boris, people_ru):
    client = csrf_client(anna)
    button = follow_button(client.get(profile_page(people_ru, boris)).text)
    assert button.select_one("input[name=key]")["value"] == str(boris.pk)
    assert follow_button(client.get(profile_page(people_ru, anna)).text) is None

    posted(client, profile_page(people_ru, boris), {"kind": "member", "key": str(boris.pk)})

    assert Follow.objects.filter(user=anna, kind="member", key=str(boris.pk)).exists()


@pytest.mark.django_db
def test_visitors_are_asked_to_log_in_and_cannot_follow(client, theme_page, topics, region_page):
    for url in (theme_page, region_page.url):
        link = follow_button(client.get(url).text).select_one("a")
        assert link.get_text(strip=True) == "Войдите, чтобы подписаться"
        assert link["href"].startswith("/ru/accounts/login/?next=")

    response = client.post(FOLLOW, {"kind": "theme", "key": key(topics["ipr"])})

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_following_needs_its_csrf_token_and_a_post(anna, topics, home_ru):
    data = {"kind": "theme", "key": key(topics["ipr"])}

    assert csrf_client(anna).post(FOLLOW, data).status_code == 403
    assert logged_in(anna).get(FOLLOW, data).status_code == 405
    assert not Follow.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        {"kind": "planet", "key": "mars"},
        {"kind": "theme", "key": "not-a-key"},
        {"kind": "theme", "key": "3f2b8e4a-0000-4000-8000-000000000000"},
        {"kind": "member", "key": "999999"},
        {"kind": "region"},
        {},
    ],
)
def test_following_what_does_not_exist_says_so_and_writes_nothing(anna, home_ru, topics, data):
    response = logged_in(anna).post(FOLLOW, {**data, "next": "/ru/"}, follow=True)

    assert "Здесь не на что подписаться." in response.text
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_a_private_profile_cannot_be_followed(anna, home_ru):
    hidden = MemberFactory(profile__visibility="private")

    response = logged_in(anna).post(FOLLOW, {"kind": "member", "key": str(hidden.pk)}, follow=True)

    assert "Здесь не на что подписаться." in response.text
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_a_member_cannot_follow_themselves(anna, home_en):
    response = logged_in(anna).post(
        "/en/notifications/follow/", {"kind": "member", "key": str(anna.pk)}, follow=True
    )

    assert "You cannot follow yourself." in response.text
    assert not Follow.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/x", "javascript:alert(1)", ""]
)
def test_following_goes_back_only_to_a_page_of_this_site(anna, topics, home_ru, next_url):
    response = logged_in(anna).post(
        FOLLOW, {"kind": "theme", "key": key(topics["ipr"]), "next": next_url}
    )

    assert response["Location"] == SETTINGS


@pytest.mark.django_db
def test_follow_buttons_cost_visitors_nothing_and_warm_members_nothing(
    client, anna, theme_page, region_page, people_ru
):
    """A member's follow state comes from the cache once read, until they
    follow or unfollow anything (the test above sees it change at once)."""
    public = MemberFactory(profile__visibility="public")
    pages = [theme_page, region_page.url, profile_page(people_ru, public)]
    member = logged_in(anna)

    for url in pages:
        assert queries_on_table(warm_queries(client, url), "notifications_follow") == [], url
        assert queries_on_table(warm_queries(member, url), "notifications_follow") == [], url


@pytest.mark.django_db
def test_a_theme_page_keeps_its_budget_for_visitors_and_members(
    client, anna, site, theme_page, library_ru, topics, django_assert_max_num_queries
):
    """The library's budget for visitors (tests/library/test_query_budget.py)
    holds with the button; a member pays the bell, the button and their session."""
    SiteSettings.for_site(site)  # made once, as on a running site
    for _ in range(5):
        ArticlePageFactory(parent=library_ru, topics=[topics["ipr"]])
    member = logged_in(anna)
    for who, budget in ((client, 15), (member, 18)):
        who.get(theme_page)
        with django_assert_max_num_queries(budget):
            who.get(theme_page)


# --- the settings page ---------------------------------------------------------


def settings_data(form_page, **changes):
    """What the settings form sends as it stands, with `changes`."""
    form = BeautifulSoup(form_page, "html.parser").select_one("form.form")
    data = {}
    for field in form.select("input, select"):
        name = field.get("name")
        if field.name == "select":
            chosen = field.select_one("option[selected]") or field.select_one("option")
            data[name] = chosen["value"]
        elif field.get("type") in ("radio", "checkbox"):
            if field.has_attr("checked"):
                data.setdefault(name, []).append(field["value"])
        else:
            data[name] = field["value"]
    data.update(changes)
    return data


@pytest.mark.django_db
def test_the_settings_page_offers_each_event_type_its_channels(anna, topics, regions, home_en):
    client = logged_in(anna)

    russian = client.get(SETTINGS)
    english = client.get(SETTINGS_EN)

    assert russian.status_code == 200
    assert "Язык моих писем" in russian.text
    page = BeautifulSoup(english.text, "html.parser")
    assert page.select_one("input[name=event_reply][value=email]").has_attr("checked")
    assert page.select_one("input[name=event_like][value=daily]").has_attr("checked")
    assert [i["value"] for i in page.select("input[name=event_digest]")] == ["weekly", "off"]
    assert page.select("input[name=event_review_waiting]") == []
    assert "Language of my e-mails" in english.text
    assert "Intellectual property rights" in english.text
    assert "private" in english["Cache-Control"]


@pytest.mark.django_db
def test_coordinators_also_choose_for_items_waiting_for_their_review(coordinator, home_ru):
    page = BeautifulSoup(logged_in(coordinator).get(SETTINGS).text, "html.parser")

    assert page.select("input[name=event_review_waiting]")


@pytest.mark.django_db
def test_the_settings_are_saved_in_one_post(anna, topics, regions, home_ru):
    client = csrf_client(anna)
    form = client.get(SETTINGS).text
    token = client.cookies["csrftoken"].value
    data = settings_data(
        form,
        language="en",
        event_reply="site",
        event_digest="off",
        themes=[key(topics["ipr"]), key(topics["quality-management"])],
        regions=[key(regions["moscow"])],
        csrfmiddlewaretoken=token,
    )

    response = client.post(SETTINGS, data, follow=True)

    assert response.redirect_chain == [(SETTINGS, 302)]
    assert "Настройки уведомлений сохранены." in response.text
    assert MemberSettings.objects.get(user=anna).language == "en"
    assert dict(Preference.objects.filter(user=anna).values_list("event", "channel")) == {
        "reply": "site",
        "digest": "off",
    }
    assert set(Follow.objects.filter(user=anna).values_list("kind", "key")) == {
        ("theme", key(topics["ipr"])),
        ("theme", key(topics["quality-management"])),
        ("region", key(regions["moscow"])),
    }

    # Unticking a theme unfollows it; the rest stays.
    client.post(SETTINGS, {**data, "themes": [key(topics["ipr"])]})

    assert set(Follow.objects.filter(user=anna, kind="theme").values_list("key", flat=True)) == {
        key(topics["ipr"])
    }


@pytest.mark.django_db
@pytest.mark.parametrize(
    "changes",
    [
        {"event_reply": "pigeon"},
        {"event_digest": "email"},  # not one of the digest's channels
        {"language": "de"},
        {"themes": ["not-a-theme"]},
    ],
)
def test_a_bad_value_anywhere_saves_nothing(anna, topics, regions, home_ru, changes):
    client = logged_in(anna)
    data = settings_data(
        client.get(SETTINGS).text,
        language="en",
        event_like="off",
        themes=[key(topics["ipr"])],
    )

    response = client.post(SETTINGS, {**data, **changes})

    assert response.status_code == 200
    assert "Исправьте ошибки ниже." in response.text
    assert BeautifulSoup(response.text, "html.parser").select(".field-error")
    assert not MemberSettings.objects.filter(user=anna).exists()
    assert not Preference.objects.exists()
    assert not Follow.objects.exists()


@pytest.mark.django_db
def test_a_member_cannot_choose_for_the_coordinators_events(anna, home_ru):
    client = logged_in(anna)
    data = settings_data(client.get(SETTINGS).text, event_review_waiting="off")

    client.post(SETTINGS, data)

    assert not Preference.objects.filter(event="review_waiting").exists()


@pytest.mark.django_db
def test_the_settings_need_their_csrf_token(anna, home_ru):
    client = csrf_client(anna)
    data = settings_data(client.get(SETTINGS).text, language="en")
    del data["csrfmiddlewaretoken"]

    assert client.post(SETTINGS, data).status_code == 403
    assert not MemberSettings.objects.exists()


@pytest.mark.django_db
def test_the_settings_list_what_i_follow_with_unfollow_buttons(
    anna, boris, topics, regions, home_en
):
    hidden = MemberFactory(profile__visibility="private")
    for kind, thing in (
        ("theme", key(topics["ipr"])),
        ("region", key(regions["moscow"])),
        ("member", str(boris.pk)),
        ("member", str(hidden.pk)),  # since made private: not named
    ):
        Follow.objects.create(user=anna, kind=kind, key=thing)
    client = csrf_client(anna)

    page = BeautifulSoup(client.get(SETTINGS_EN).text, "html.parser")
    groups = {
        group.select_one("h3").get_text(strip=True): [
            li.select_one("[data-content]").get_text(strip=True) for li in group.select("li")
        ]
        for group in page.select(".follow-group")
    }

    assert groups == {
        "Theme": ["Intellectual property rights"],
        "Region": ["Moscow"],
        "Member": ["Борис Орлов"],
    }
    unfollow = page.select(".follow-group form")[2]
    data = {i["name"]: i["value"] for i in unfollow.select("input")}
    response = client.post(FOLLOW, data)
    assert response["Location"] == SETTINGS_EN
    assert not Follow.objects.filter(kind="member", key=str(boris.pk)).exists()
    assert Follow.objects.filter(user=anna).count() == 3


@pytest.mark.django_db
@pytest.mark.parametrize("size", [2, 12])
def test_the_settings_page_keeps_its_budget(
    anna, home_ru, topics, size, django_assert_max_num_queries
):
    for _ in range(size):
        Follow.objects.create(
            user=anna, kind="member", key=str(MemberFactory(profile__visibility="public").pk)
        )
    for topic in topics.values():
        Follow.objects.create(user=anna, kind="theme", key=key(topic))
    client = logged_in(anna)
    # The first view also creates the site settings, which drops the cached
    # site and menus; the second caches them for good.
    client.get(SETTINGS)
    client.get(SETTINGS)

    with django_assert_max_num_queries(14):
        response = client.get(SETTINGS)

    assert len(BeautifulSoup(response.text, "html.parser").select(".follow-group li")) == size + 4


@pytest.mark.django_db
def test_the_account_page_and_the_list_link_to_the_settings(anna, home_ru):
    client = logged_in(anna)

    for url in ("/ru/accounts/profile/", "/ru/notifications/"):
        assert f'href="{SETTINGS}"' in client.get(url).text


# --- sign-up, my data ----------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_new_members_emails_are_in_the_language_they_signed_up_in(home_en, language):
    client = csrf_client()
    url = f"/{language}/accounts/signup/"
    token = csrf_token(client, url)

    client.post(
        url,
        {
            "name": "Vera",
            "email": "vera@members.example",
            "password1": PASSWORD,
            "password2": PASSWORD,
            "csrfmiddlewaretoken": token,
        },
    )

    user = get_user_model().objects.get(email="vera@members.example")
    assert MemberSettings.objects.get(user=user).language == language


@pytest.mark.django_db
def test_my_data_holds_follows_channels_and_notifications(anna, boris, topics, library_ru):
    item = ArticlePageFactory(parent=library_ru, title="Как защитить патент")
    Follow.objects.create(user=anna, kind="theme", key=key(topics["ipr"]))
    Preference.objects.create(user=anna, event="reply", channel="site")
    Notification.objects.create(recipient=anna, event="reply", actor=boris, target=item)
    Notification.objects.create(recipient=boris, event="reply", actor=anna, target=item)

    data = logged_in(anna).get("/ru/accounts/data/export/").json()["notifications"]

    assert data["language_of_emails"] == "ru"
    assert data["channels"]["reply"] == "site"
    assert data["channels"]["mention"] == "email"
    assert [(f["kind"], f["key"]) for f in data["follows"]] == [("theme", key(topics["ipr"]))]
    assert len(data["notifications"]) == 1
    assert data["notifications"][0]["text"] == "Борис Орлов ответил(а) вам: «Как защитить патент»"
    assert data["notifications"][0]["url"].endswith(item.url)
    json.dumps(data)


@pytest.mark.django_db
def test_deleting_the_account_removes_its_follows_notifications_and_followers(
    anna, boris, topics, library_ru
):
    item = ArticlePageFactory(parent=library_ru)
    Follow.objects.create(user=anna, kind="theme", key=key(topics["ipr"]))
    Follow.objects.create(user=boris, kind="member", key=str(anna.pk))
    Follow.objects.create(user=boris, kind="theme", key=key(topics["ipr"]))
    Notification.objects.create(recipient=anna, event="reply", target=item)
    kept = Notification.objects.create(recipient=boris, event="reply", actor=anna, target=item)

    response = logged_in(anna).post(
        "/ru/accounts/data/delete/", {"password": PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert list(Follow.objects.values_list("user", "kind")) == [(boris.pk, "theme")]
    assert list(Notification.objects.all()) == [kept]
    kept.refresh_from_db()
    assert kept.actor is None
