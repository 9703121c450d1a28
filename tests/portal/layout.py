"""The production layout as `make production` runs it (deploy/production_trial.sh),
for the tests that drive it: nginx (Debian's, as the invoking user, with its
pid, logs and temporary files in a folder of the test) in front of Varnish,
two gunicorns (gunicorn.conf.py) and the worker, on 127.0.0.1 and free ports.

Every wait is bounded. `running_layout()` starts one for a module's tests
and stops it afterwards, whatever happened."""

import contextlib
import http.client
import os
import re
import shutil
import signal
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest
import redis

from tests.helpers import PROJECT, SERVICE_VARIABLES
from tests.services import free_port

START_TIMEOUT = 300  # migrate on an empty database takes a while on 2 cores
STOP_TIMEOUT = 30
# Another machine, as far as gunicorn, Varnish and nginx can tell: not a
# trusted proxy.
OUTSIDER = "127.0.0.3"


class Layout:
    def __init__(self, workdir, *, database_url=None, redis_url="redis://127.0.0.1:6379/14", **env):
        self.workdir = workdir
        self.http_port, self.https_port, self.varnish_port = (free_port() for _ in range(3))
        self.gunicorn_ports = [free_port(), free_port()]
        self.output = workdir / "trial.log"
        self.nginx_run_dir = workdir / "nginx"
        self.nginx_run_dir.mkdir()
        self.media = workdir / "media"
        self.env = {k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES}
        self.env.update(
            PY=sys.executable,
            DJANGO_SETTINGS_MODULE="tests.portal.production_echo_settings",
            SECRET_KEY="production-layout-test-secret-key-0123456789-abcdefghij",
            ALLOWED_HOSTS="127.0.0.1",
            WAGTAILADMIN_BASE_URL="https://127.0.0.1",
            REDIS_URL=redis_url,
            DATABASE_URL=database_url or f"sqlite:///{workdir / 'db.sqlite3'}",
            MEDIA_ROOT=str(self.media),
            STATIC_ROOT=str(workdir / "static"),
            NGINX_RUN_DIR=str(self.nginx_run_dir),
            NGINX_HTTP_PORT=str(self.http_port),
            NGINX_HTTPS_PORT=str(self.https_port),
            GUNICORN_BINDS=",".join(f"127.0.0.1:{port}" for port in self.gunicorn_ports),
            VARNISH_LISTEN=f"127.0.0.1:{self.varnish_port}",
            # For the portal's processes outside the script too (a publish
            # from `manage.py shell`, as from the admin).
            FRONTEND_CACHE_URL=f"http://127.0.0.1:{self.varnish_port}",
            WEB_CONCURRENCY="2",
            TRUSTED_PROXIES="127.0.0.1",
            **env,
        )

    @property
    def gunicorn_port(self):
        return self.gunicorn_ports[0]

    @property
    def ports(self):
        return [self.https_port, self.http_port, self.varnish_port, *self.gunicorn_ports]

    def connection(self, port, *, tls=True, source="127.0.0.1"):
        if not tls:
            return http.client.HTTPConnection(
                "127.0.0.1", port, timeout=20, source_address=(source, 0)
            )
        # The trial's self-signed certificate, checked like any other.
        context = ssl.create_default_context(cafile=self.nginx_run_dir / "trial.crt")
        return http.client.HTTPSConnection(
            "127.0.0.1", port, timeout=20, source_address=(source, 0), context=context
        )

    def request(
        self, method, path, *, port=None, tls=None, source="127.0.0.1", headers=None, body=None
    ):
        """(status, headers, body) of a request for `path`, through nginx's
        HTTPS port unless `port` says otherwise (then plain HTTP)."""
        if tls is None:
            tls = port is None
        connection = self.connection(port or self.https_port, tls=tls, source=source)
        try:
            connection.request(
                method, path, body=body, headers={"Host": "127.0.0.1", **(headers or {})}
            )
            response = connection.getresponse()
            return response.status, response.headers, response.read()
        finally:
            connection.close()

    def fetch(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def start(self):
        # A cache left by an earlier run would hand out renditions of an
        # image of the same id whose files are in that run's folder.
        redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [str(PROJECT / "deploy" / "production_trial.sh")],
                cwd=PROJECT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                # Its own process group, like a terminal's foreground job.
                start_new_session=True,
            )
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline and self.process.poll() is None:
            try:
                # Migrated (the servers start after migrate) and answering,
                # through the front and each gunicorn; nothing kept in Varnish.
                if all(
                    self.fetch("/healthz", port=port)[0] == 200
                    for port in [None, *self.gunicorn_ports]
                ):
                    return
            except OSError:
                pass
            time.sleep(0.5)
        self.stop()
        pytest.fail(f"the layout did not start:\n{self.output.read_text()[-3000:]}")

    def stop(self, sig=signal.SIGKILL):
        if self.process.poll() is None:
            os.killpg(self.process.pid, sig)
        return self.process.wait(timeout=STOP_TIMEOUT)

    def manage_shell(self, code):
        result = subprocess.run(
            [sys.executable, "manage.py", "shell", "-c", code],
            cwd=PROJECT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        # The shell may say first how many models it imported.
        return result.stdout.strip().splitlines()[-1]

    def gunicorn_saw(self, path):
        """Whether a gunicorn's access log (in the trial's output, with
        nginx's errors) has a request for `path`: a line with its status
        after it."""
        pattern = rf'"[A-Z]+ {re.escape(path)} HTTP/1\.[01]" \d{{3}} '
        return re.search(pattern, self.output.read_text()) is not None

    def nginx_saw(self, path):
        return f" {path} HTTP/" in (self.nginx_run_dir / "access.log").read_text()

    def wait_for(self, condition, timeout=60):
        """Poll `condition()` until it is true or `timeout` seconds pass;
        returns its last value."""
        deadline = time.monotonic() + timeout
        while True:
            value = condition()
            if value or time.monotonic() > deadline:
                return value
            time.sleep(0.5)


class Visitor:
    """A browser: its cookies, its requests through the layout's front or
    straight to one gunicorn (as the proxies on this machine would send them:
    from 127.0.0.1, saying the visitor came over HTTPS)."""

    def __init__(self, layout):
        self.layout = layout
        self.cookies = {}

    def request(self, method, path, *, port=None, fields=None, headers=None):
        headers = dict(headers or {})
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
        if port is not None:
            headers["X-Forwarded-Proto"] = "https"
        body = None
        if fields is not None:
            body = urlencode(fields)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["Origin"] = "https://127.0.0.1"
            headers["Referer"] = f"https://127.0.0.1{path}"
        status, response_headers, content = self.layout.request(
            method, path, port=port, headers=headers, body=body
        )
        for line in response_headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(line).items():
                if morsel["max-age"] == "0":
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return status, response_headers, content

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def log_in(self, email, password, *, port=None):
        """Send the site's log-in form (with its CSRF token); returns the
        answer to it."""
        path = "/en/accounts/login/"
        _, _, form = self.get(path, port=port)
        token = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1).decode()
        return self.request(
            "POST",
            path,
            port=port,
            fields={"csrfmiddlewaretoken": token, "login": email, "password": password},
        )


def missing_servers():
    missing = [
        name
        for name in ("nginx", "varnishd")
        if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()
    ]
    return ", ".join(missing)


@contextlib.contextmanager
def running_layout(workdir, **options):
    if missing := missing_servers():
        pytest.fail(f"{missing} missing: `make test` installs Debian's nginx-light and varnish")
    layout = Layout(workdir, **options)
    layout.start()
    try:
        yield layout
    finally:
        with contextlib.suppress(subprocess.TimeoutExpired):
            layout.stop()
        redis.Redis.from_url(layout.env["REDIS_URL"]).flushdb()


# A library in both languages with `articles` in it (slug, Russian title,
# English title), and two members, Anna and Boris (password MEMBER_PASSWORD).
SEED = """
import datetime
from wagtail.models import Site
from home.demo import child_page, translate
from library.models import ArticlePage, ItemType, LibraryIndexPage
from tests.factories import MemberFactory

home = Site.objects.get(is_default_site=True).root_page.specific
translate(home, "en", {})
library = child_page(
    home, LibraryIndexPage, "library", title="Библиотека", intro="Кейсы.", show_in_menus=True
)
translate(library, "en", {"Библиотека": "Library"})
for slug, title, english in ARTICLES:
    article = child_page(
        library, ArticlePage, slug, title=title, summary="Кратко.",
        publication_date=datetime.date(2026, 1, 5), authors="Анна Смирнова",
        item_type=ItemType.ARTICLE, body=[("paragraph", "<p>Текст статьи.</p>")],
    )
    translate(article, "en", {title: english})
MemberFactory(username="anna", email="anna@members.example", first_name="Anna")
MemberFactory(username="boris", email="boris@members.example", first_name="Boris")
print("seeded")
"""
MEMBER_EMAIL = "anna@members.example"
OTHER_MEMBER_EMAIL = "boris@members.example"
MEMBER_PASSWORD = "pw-Correct-horse-42"


def seed(layout, articles):
    assert layout.manage_shell(f"ARTICLES = {articles!r}\n{SEED}") == "seeded"
