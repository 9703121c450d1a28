"""Content-Security-Policy and Permissions-Policy: every public page type is
sent the strict policy and needs no inline code to work; the admin (and
Wagtail's preview, which it serves) gets its own, looser policy; cached
public pages carry no nonce."""

import pytest
from django.test import Client

from community.models import NewsPage, RegionIndexPage, RegionPage
from home.demo import child_page
from rusmeco_events.models import LearningPage
from tests.factories import (
    ArticlePageFactory,
    CaseStudyPageFactory,
    CommentFactory,
    CompanyFactory,
    EventPageFactory,
    NewsPageFactory,
    StaffFactory,
)
from tests.helpers import (
    content_security_policy,
    csrf_client,
    csrf_token,
    in_days,
    inline_code,
    logged_in,
)

DENIED_FEATURES = ("camera", "microphone", "geolocation", "payment", "usb")


@pytest.fixture
def public_site(
    home_ru, home_en, about_ru, contact_ru, library_ru, calendar_ru, people_ru, regions, anna, boris
):
    """A page of every type, with what makes each one show its most: a
    commented case study, an online event (the local-time script), a region
    with news, a company; {name: URL}."""
    case_study = CaseStudyPageFactory(parent=library_ru)
    CommentFactory(page=case_study, user=boris)
    article = ArticlePageFactory(parent=library_ru)
    meeting = EventPageFactory(parent=calendar_ru, slug="meeting")
    webinar = EventPageFactory(parent=calendar_ru, slug="webinar", kind="online")
    EventPageFactory(parent=calendar_ru, slug="kick-off", start=in_days(-30))
    learning = child_page(home_ru, LearningPage, "learning", title="Обучение")
    regions_index = child_page(home_ru, RegionIndexPage, "regions", title="Регионы")
    moscow = child_page(
        regions_index,
        RegionPage,
        "moscow",
        title="Москва",
        region=regions["moscow"],
        centre_email="moscow@rusmeco.example",
    )
    news = NewsPageFactory(parent=moscow)
    CompanyFactory(name="Ромашка", slug="romashka", manager=anna)
    return {
        "home": "/ru/",
        "home in English": "/en/",
        "standard page": about_ru.url,
        "contact form": contact_ru.url,
        "library": library_ru.url,
        "library theme": f"{library_ru.url}topic/ipr/",
        "case study with a comment": case_study.url,
        "article": article.url,
        "events": calendar_ru.url,
        "events archive": f"{calendar_ru.url}archive/",
        "calendar": f"{calendar_ru.url}calendar/",
        "face-to-face event": meeting.url,
        "online event": webinar.url,
        "learning": learning.url,
        "regions": regions_index.url,
        "region": moscow.url,
        "news": news.url,
        "people": people_ru.url,
        "companies": f"{people_ru.url}companies/",
        "member profile": f"{people_ru.url}member/{anna.profile.pk}/",
        "company profile": f"{people_ru.url}company/romashka/",
        "search": "/ru/search/?q=материал",
        "search with bad input": "/ru/search/?q=" + "я" * 500 + "&page=x",
        "page not found": "/ru/no-such-page/",
        "log-in": "/ru/accounts/login/",
        "sign-up": "/ru/accounts/signup/",
        "password reset": "/ru/accounts/password/reset/",
        "translation missing": f"/en/translation-missing/{about_ru.pk}/",
    }


def expected_status(name):
    return 404 if name in ("page not found", "translation missing") else 200


def assert_strict_policy(response, where):
    policy = content_security_policy(response)
    for directive in ("script-src", "style-src"):
        sources = policy[directive]
        assert sources == ["'self'"], (where, directive, sources)
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'self'"], where
    assert policy["form-action"] == ["'self'"], where
    assert_no_features(response, where)


def assert_no_features(response, where):
    allowed = dict(rule.split("=", 1) for rule in response["Permissions-Policy"].split(", "))
    for feature in DENIED_FEATURES:
        assert allowed[feature] == "()", (where, feature)


@pytest.mark.django_db
def test_every_public_page_type_has_the_strict_policy_and_no_inline_code(client, public_site):
    for name, url in public_site.items():
        response = client.get(url)

        assert response.status_code == expected_status(name), (name, url)
        assert_strict_policy(response, name)
        assert inline_code(response.text) == [], name


@pytest.mark.django_db
def test_a_members_own_pages_have_the_strict_policy_and_no_inline_code(
    anna_client, public_site, anna
):
    """Signed in, pages show more: the comment form, the registration box,
    the account pages, the company a member manages."""
    urls = {
        **public_site,
        "account": "/ru/accounts/profile/",
        "profile form": "/ru/accounts/profile/edit/",
        "my companies": "/ru/accounts/companies/",
        "company members": "/ru/accounts/companies/romashka/members/",
        "new company": "/ru/accounts/companies/new/",
        "my data": "/ru/accounts/data/",
        "notifications": "/ru/notifications/",
        "notification settings": "/ru/notifications/settings/",
        "password change": "/ru/accounts/password/change/",
        "e-mail addresses": "/ru/accounts/email/",
        "log-out": "/ru/accounts/logout/",
    }
    del urls["log-in"], urls["sign-up"], urls["password reset"]
    for name, url in urls.items():
        response = anna_client.get(url)

        assert response.status_code == expected_status(name), (name, url)
        assert_strict_policy(response, name)
        assert inline_code(response.text) == [], name


@pytest.mark.django_db
def test_an_editor_sees_the_public_pages_with_the_userbar_under_the_strict_policy(public_site):
    editor = logged_in(StaffFactory(is_superuser=True))

    for name in ("home", "online event", "news"):
        response = editor.get(public_site[name])

        assert "wagtail-userbar" in response.text
        assert_strict_policy(response, name)
        assert inline_code(response.text) == [], name


@pytest.mark.django_db
def test_a_refused_log_in_posted_with_its_csrf_token_keeps_the_strict_policy(home_ru, anna):
    client = csrf_client()
    token = csrf_token(client, "/ru/accounts/login/")

    response = client.post(
        "/ru/accounts/login/",
        {"login": anna.email, "password": "wrong", "csrfmiddlewaretoken": token},
    )

    assert response.status_code == 200
    assert "errorlist" in response.text or "error" in response.text
    assert_strict_policy(response, "refused log-in")
    assert inline_code(response.text) == []


def test_the_page_scan_finds_every_kind_of_inline_code_the_policy_refuses():
    html = """
        <script>alert(1)</script>
        <script type="module">alert(2)</script>
        <script src="/static/js/search.js"></script>
        <script type="application/ld+json">{"@type": "Event"}</script>
        <img src="/logo.svg" onerror="alert(3)">
        <a href="JavaScript:alert(4)">x</a>
        <style>p { color: red }</style>
        <p style="color: red">x</p>
    """

    found = inline_code(html)

    assert len(found) == 6, found
    assert not any("search.js" in text or "@type" in text for text in found)


@pytest.mark.django_db
def test_cached_public_pages_carry_the_same_policy_for_everyone_and_no_nonce(client, calendar_ru):
    webinar = EventPageFactory(parent=calendar_ru, kind="online")

    first = client.get(webinar.url)
    second = Client().get(webinar.url)

    assert "public" in first["Cache-Control"]
    assert first["Content-Security-Policy"] == second["Content-Security-Policy"]
    assert "nonce-" not in first["Content-Security-Policy"]


def assert_admin_policy(response, where):
    policy = content_security_policy(response)
    # Wagtail's admin needs its inline scripts and styles …
    assert "'unsafe-inline'" in policy["script-src"], where
    assert "'unsafe-inline'" in policy["style-src"], where
    # … but never eval, plugins, another base or being framed by other sites.
    assert "'unsafe-eval'" not in policy["script-src"], where
    assert policy["object-src"] == ["'none'"], where
    assert policy["base-uri"] == ["'self'"], where
    assert policy["frame-ancestors"] == ["'self'"], where
    assert policy["form-action"] == ["'self'"], where
    assert_no_features(response, where)


@pytest.mark.django_db
def test_the_admin_and_the_page_preview_have_the_admin_policy(admin_client, public_site):
    news = NewsPage.objects.get()
    urls = {
        "dashboard": "/admin/",
        "page explorer": f"/admin/pages/{news.get_parent().pk}/",
        "page editor": f"/admin/pages/{news.pk}/edit/",
        "preview": f"/admin/pages/{news.pk}/edit/preview/",
    }
    for name, url in urls.items():
        response = admin_client.get(url)

        assert response.status_code == 200, (name, url)
        assert_admin_policy(response, name)


@pytest.mark.django_db
def test_the_admin_log_in_has_the_admin_policy_for_visitors_and_members(
    client, anna_client, home_ru
):
    for who, visitor in (("visitor", client), ("member", anna_client)):
        response = visitor.get("/admin/login/")

        assert response.status_code == 200, who
        assert_admin_policy(response, who)
