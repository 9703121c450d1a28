"""The front cache of the production layout (deploy/varnish.vcl) with the
real Varnish on loopback, in the layout the tests share (tests/portal/layout.py).

Anonymous visitors share the pages the portal marks public; a signed-in
member always gets the portal's own answer. A publish purges the page in
both languages and the lists that show it, through the real path: the
signal queues Wagtail's purge task, the layout's worker sends the PURGEs.
The pages are kept for an hour here (PUBLIC_PAGE_MAX_AGE), so a new title
can only come from a purge. Only this machine may purge."""

import re

import pytest
from django.conf import settings

from tests.portal.layout import (
    MEMBER_EMAIL,
    MEMBER_PASSWORD,
    OUTSIDER,
    Visitor,
    publish_titles,
    render_deploy_file,
)

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

ARTICLE = "/ru/library/front-cache/"
ARTICLE_EN = "/en/library/front-cache/"
LIBRARY = "/ru/library/"
LIBRARY_EN = "/en/library/"
OLD_TITLES = [("front-cache", "ru", "Старое название"), ("front-cache", "en", "Old title")]
NEW_TITLES = [("front-cache", "ru", "Новое название"), ("front-cache", "en", "New title")]


@pytest.fixture
def front(production_layout):
    return production_layout


def cached_by_front(layout, path, **kwargs):
    """Ask twice; the first answer, the second one's X-Front-Cache."""
    status, headers, body = layout.fetch(path, **kwargs)
    assert status == 200
    return body, layout.fetch(path, **kwargs)[1]["X-Front-Cache"]


def test_a_page_is_served_from_the_front_cache_the_second_time(front):
    first_status, first, body = front.fetch(ARTICLE)
    second_status, second, again = front.fetch(ARTICLE)
    # A visitor with only the CSRF cookie of an earlier form, and another
    # browser's list of languages, shares the entry.
    _, with_token, _ = front.fetch(
        ARTICLE,
        headers={"Cookie": f"csrftoken={'k' * 32}", "Accept-Language": "de-DE,ru;q=0.9,en;q=0.8"},
    )
    _, english_browser, _ = front.fetch(ARTICLE, headers={"Accept-Language": "en-GB,en;q=0.9"})

    assert (first_status, second_status) == (200, 200)
    assert first["X-Front-Cache"] == "miss"
    assert second["X-Front-Cache"] == "hit"
    assert with_token["X-Front-Cache"] == "hit"
    # The same Russian page, asked for by an English browser: its own entry.
    assert english_browser["X-Front-Cache"] == "miss"
    assert "Старое название" in body.decode() and again == body
    assert "public" in second["Cache-Control"]


def test_a_publish_purges_the_page_in_both_languages_and_its_lists(front):
    pages = {
        ARTICLE: ("Старое название", "Новое название"),
        ARTICLE_EN: ("Old title", "New title"),
        LIBRARY: ("Старое название", "Новое название"),
        LIBRARY_EN: ("Old title", "New title"),
    }
    for path, (old, _) in pages.items():
        body, second = cached_by_front(front, path)
        assert old in body.decode()
        assert second == "hit"

    def showing_new_titles():
        return {path: new in front.fetch(path)[2].decode() for path, (_, new) in pages.items()}

    publish_titles(front, NEW_TITLES)
    try:
        assert front.wait_for(lambda: all(showing_new_titles().values())), showing_new_titles()
        for path, (old, _) in pages.items():
            body = front.fetch(path)[2].decode()
            assert old not in body
    finally:
        publish_titles(front, OLD_TITLES)


def test_a_signed_in_member_is_never_served_from_the_front_cache(front):
    path = "/ru/library/members-view/"
    _, anonymous = cached_by_front(front, path)
    member = Visitor(front)
    status, headers, _ = member.log_in(MEMBER_EMAIL, MEMBER_PASSWORD)
    assert status == 302, "signed in"

    answers = [member.get(path) for _ in range(2)]

    assert anonymous == "hit"
    for status, headers, body in answers:
        assert status == 200
        assert headers["X-Front-Cache"] == "pass"
        assert "private" in headers["Cache-Control"]
        assert "Anna" in body.decode()


def test_only_this_machine_may_purge(front):
    path = "/ru/library/purged-by-hand/"
    _, second = cached_by_front(front, path)
    assert second == "hit"

    outsider = front.request("PURGE", path, port=front.varnish_port, source=OUTSIDER)
    through_nginx = front.request("PURGE", path)
    through_nginx_as_outsider = front.request("PURGE", path, source=OUTSIDER)
    still_cached = front.fetch(path)[1]["X-Front-Cache"]
    local = front.request("PURGE", path, port=front.varnish_port)
    after_local = front.fetch(path)[1]["X-Front-Cache"]

    assert outsider[0] == 405
    assert through_nginx[0] == 405
    assert through_nginx_as_outsider[0] == 405
    assert still_cached == "hit"
    assert local[0] == 200
    assert after_local == "miss"


def test_the_front_cache_knows_the_portal_s_cookies_and_languages(tmp_path):
    _, vcl, _ = render_deploy_file(
        "render_varnish_vcl.py", tmp_path, GUNICORN_BINDS="127.0.0.1:8001,127.0.0.1:8002"
    )

    passed = re.search(r'req\.http\.Cookie ~ "\(\^\|;\\s\*\)\(([^)]*)\)="', vcl).group(1)
    assert set(passed.split("|")) == {settings.SESSION_COOKIE_NAME, "messages"}
    assert settings.MESSAGE_STORAGE.endswith(("FallbackStorage", "CookieStorage"))
    assert vcl.count("portal.add_backend(") == 2
    languages = "|".join(sorted(code for code, _ in settings.LANGUAGES))
    assert f"\\b({languages})\\b" in vcl and f"^({languages})$" in vcl
    assert f'set req.http.Accept-Language = "{settings.LANGUAGE_CODE}";' in vcl
