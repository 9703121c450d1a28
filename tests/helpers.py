"""Small functions the tests share: moments in the regions' time zones,
clients with or without CSRF checks (and with a log-in long past),
pictures to upload, the member cards of a page, and Python run in a fresh
interpreter. Objects in the
database come from tests/factories.py."""

import datetime
import io
import os
import subprocess
import sys
import time
import zoneinfo
from pathlib import Path

from bs4 import BeautifulSoup
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from community.reauthentication import LOGGED_IN_AT

PROJECT = Path(__file__).resolve().parents[1]
# Variables of the running services, left out of a fresh interpreter's
# environment so that it sees only what a test gives it.
SERVICE_VARIABLES = (
    "DATABASE_URL",
    "REDIS_URL",
    "CACHE_URL",
    "SECRET_KEY",
    "ALLOWED_HOSTS",
    "EMAIL_HOST",
    "DJANGO_SETTINGS_MODULE",
    "DJANGO_ALLOW_ASYNC_UNSAFE",
)

MOSCOW = zoneinfo.ZoneInfo("Europe/Moscow")
EKATERINBURG = zoneinfo.ZoneInfo("Asia/Yekaterinburg")


def at(zone, *parts):
    """An aware datetime, for a fixed moment in a region's zone:
    at(EKATERINBURG, 2025, 3, 10, 23, 30)."""
    return datetime.datetime(*parts, tzinfo=zone)


def in_days(days, hour=18, zone=MOSCOW):
    """A moment `days` from now at `hour` o'clock local time: use it for
    events that must stay upcoming (or past) whenever the tests run."""
    date = timezone.now().astimezone(zone).date() + datetime.timedelta(days=days)
    return datetime.datetime.combine(date, datetime.time(hour), zone)


def logged_in(user):
    """A client logged in as `user`, without CSRF checks: use it for views
    whose CSRF protection is not what the test is about."""
    client = Client(enforce_csrf_checks=False)
    client.force_login(user)
    return client


def csrf_client(user=None):
    """A client that enforces CSRF (logged in as `user` if given): use it
    with csrf_token() when the test is about the token."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    return client


class AdminClient(Client):
    """A client logged in as `user` that enforces CSRF, with the token the
    admin's dashboard set: use it for what a user does in the admin."""

    def __init__(self, user):
        super().__init__(enforce_csrf_checks=True)
        self.force_login(user)
        self.dashboard = self.get(reverse("wagtailadmin_home"))
        assert self.dashboard.status_code == 200
        self.token = self.cookies["csrftoken"].value

    def send(self, method, url, data=None):
        if method == "get":
            return self.get(url)
        return self.post(url, {**(data or {}), "csrfmiddlewaretoken": self.token})


def csrf_token(client, url):
    """Open `url` (a page with a form) and return the CSRF token it set."""
    response = client.get(url)
    assert response.status_code == 200, url
    return client.cookies["csrftoken"].value


def stale_log_in(client, minutes=60):
    """Make the log-in of `client` `minutes` old, as if the member had left
    the browser open: sensitive actions (changing the e-mail address,
    exporting data, deleting the account) then ask for the password again.
    Clients from logged_in() and csrf_client() have just logged in."""
    session = client.session
    session[LOGGED_IN_AT] = time.time() - minutes * 60
    session.save()
    return client


def picture(name="photo.jpg", size=(64, 48), image_format="JPEG", colour="navy"):
    """A small image file to upload as a photo or a logo."""
    output = io.BytesIO()
    mode = "RGBA" if image_format == "PNG" else "RGB"
    Image.new(mode, size, colour).save(output, format=image_format)
    content_type = {"JPEG": "image/jpeg", "PNG": "image/png"}.get(image_format, "image/gif")
    return SimpleUploadedFile(name, output.getvalue(), content_type=content_type)


def comment_form_data(page, text, reply_to=0, followup=False):
    """What the comment form on `page` (a library item or a blog post)
    sends: post it to /ru/comments/post/."""
    from library.forms import LibraryCommentForm

    form = LibraryCommentForm(page)
    data = {
        name: form.initial[name]
        for name in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    data.update({"comment": text, "reply_to": reply_to})
    if followup:
        data["followup"] = "1"
    return data


def member_cards(html):
    """{name: (regions, themes)} as the member cards of a page (the people
    directory) show them: use it to check who is listed, and not merely
    named somewhere on the page."""
    cards = BeautifulSoup(html, "html.parser").select(".person-card")
    return {
        card.select_one(".card-title").get_text(strip=True): (
            [meta.get_text(strip=True) for meta in card.select(".card-meta")],
            [theme.get_text(strip=True) for theme in card.select(".tag-list li")],
        )
        for card in cards
    }


def inline_code(html):
    """What in `html` a Content-Security-Policy without 'unsafe-inline'
    blocks: inline scripts, event-handler attributes (onclick=…),
    javascript: links, <style> elements and style attributes, each as a
    short description. Use it to check that a page needs no inline code.
    (Data blocks such as <script type="application/ld+json"> are not run,
    so no policy blocks them; they are not listed.)"""
    found = []
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        if element.name == "script" and not element.get("src") and _runs(element):
            found.append(f"inline script: {element.get_text()[:60]!r}")
        if element.name == "style":
            found.append(f"<style> element: {element.get_text()[:60]!r}")
        for name, value in element.attrs.items():
            if name.startswith("on"):
                found.append(f"<{element.name} {name}=…>")
            elif name == "style":
                found.append(f"<{element.name} style={value!r}>")
            elif name in URL_ATTRIBUTES and _is_javascript_url(value):
                found.append(f"<{element.name} {name}={value!r}>")
    return found


JAVASCRIPT_TYPES = {"", "module", "text/javascript", "application/javascript"}


URL_ATTRIBUTES = {"href", "src", "action", "formaction"}


def _runs(script):
    return script.get("type", "").strip().lower() in JAVASCRIPT_TYPES


def _is_javascript_url(value):
    return str(value).strip().lower().startswith("javascript:")


def content_security_policy(response, header="Content-Security-Policy"):
    """{directive: [sources]} of the response's policy, for assertions such
    as `"'unsafe-inline'" not in policy["script-src"]`."""
    policy = {}
    for directive in response[header].split(";"):
        name, *sources = directive.split()
        policy[name] = sources
    return policy


def run_python(code, settings, **env):
    """Run `code` in a fresh interpreter with the settings module
    `settings` and the variables `env`: use it for what is read once per
    process, such as the settings."""
    clean = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
    clean.update(env, DJANGO_SETTINGS_MODULE=settings)
    return subprocess.run(
        [sys.executable, "-c", code],
        cwd=PROJECT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
    )


def warm_queries(client, url, warm_ups=1):
    """The SQL of a request of `url` after `warm_ups` earlier ones have
    filled the caches (site frame, sidebars, renditions): what every view
    costs once the site is warm. Query budgets count these."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(warm_ups):
        client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, url
    return [query["sql"] for query in queries]


def queries_on_table(queries, table):
    """The statements among `queries` that name `table`."""
    return [sql for sql in queries if f'"{table}"' in sql]
