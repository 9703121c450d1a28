"""The production layout as `make production` runs it (deploy/production_trial.sh),
for the tests that drive it: nginx (Debian's, as the invoking user, with its
pid, logs and temporary files in a folder of the test) in front of Varnish,
two gunicorns (gunicorn.conf.py) and the worker, on 127.0.0.1 and free ports,
with a PostgreSQL database made for it and a Redis server of its own.

Starting one (collectstatic, migrate on an empty database, the servers) takes
a minute or more, so one layout serves every test that drives one
(tests/portal/test_app_servers.py, test_front_cache.py and
test_production_layout.py): `SharedLayout` starts it at the first such test
of the session and removes it all at the end, whatever happened. Those tests
go to one test process together (SHARED_SET_UPS in conftest.py at the top of
the project). Each test starts from empty caches (the front cache and Redis)
once the worker has done what earlier tests queued, reads only the log lines
written since it began, and puts back the titles it publishes. Every wait is
bounded."""

import contextlib
import http.client
import os
import re
import secrets
import shutil
import signal
import ssl
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import psycopg
import pytest
import redis

from tests.helpers import PROJECT, SERVICE_VARIABLES
from tests.services import RedisServer, free_port

START_TIMEOUT = 300  # migrate on an empty database takes a while on 2 cores
STOP_TIMEOUT = 30
# Another machine, as far as gunicorn, Varnish and nginx can tell: not a
# trusted proxy.
OUTSIDER = "127.0.0.3"
POSTGRES = "postgres://postgres@127.0.0.1:5432"


def interrupt_by_default():
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Layout:
    def __init__(self, workdir, *, database_url, redis_url, **env):
        self.workdir = workdir
        self.redis_url = redis_url
        self.log_start = self.access_log_start = 0
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
            DATABASE_URL=database_url,
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
        with self.output.open("wb") as output:
            self.process = subprocess.Popen(
                [str(PROJECT / "deploy" / "production_trial.sh")],
                cwd=PROJECT,
                env=self.env,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                # Its own process group, like a terminal's foreground job,
                # and Ctrl-C as a terminal delivers it: a test runner started
                # in the background ignores SIGINT, and a shell started with
                # SIGINT ignored cannot trap it.
                start_new_session=True,
                preexec_fn=interrupt_by_default,
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

    @property
    def access_log(self):
        return self.nginx_run_dir / "access.log"

    def begin_test(self):
        """Put the layout as a test expects to find it: what earlier tests
        queued is done (a late purge would empty the front cache in the
        middle of a test), the front cache and Redis (the portal's cache,
        log-in rate limits) are empty, and the logs are read from here on."""
        assert self.wait_for(self.worker_idle), "the worker still has jobs after a minute"
        varnish = subprocess.run(
            [
                shutil.which("varnishadm") or "/usr/bin/varnishadm",
                "-n",
                str(self.nginx_run_dir / "varnish"),
                "ban req.url ~ .",
            ],
            capture_output=True,
            text=True,
            timeout=STOP_TIMEOUT,
        )
        assert varnish.returncode == 0, varnish.stdout + varnish.stderr
        redis.Redis.from_url(self.redis_url).flushdb()
        self.log_start = self.output.stat().st_size
        self.access_log_start = self.access_log.stat().st_size

    def worker_idle(self):
        """Whether the worker has no job running nor any due."""
        with psycopg.connect(self.env["DATABASE_URL"]) as connection:
            (waiting,) = connection.execute(
                "SELECT count(*) FROM django_tasks_database_dbtaskresult"
                " WHERE status = 'RUNNING' OR (status = 'READY'"
                # No run_after is the largest date there is.
                " AND (run_after <= now() OR run_after >= '9999-01-01'))"
            ).fetchone()
        return waiting == 0

    def _log_since(self, path, start):
        with path.open("rb") as log:
            log.seek(start)
            return log.read().decode(errors="replace")

    def gunicorn_saw(self, path):
        """Whether a gunicorn's access log (in the trial's output, with
        nginx's errors) has a request for `path` since the test began: a
        line with its status after it."""
        pattern = rf'"[A-Z]+ {re.escape(path)} HTTP/1\.[01]" \d{{3}} '
        return re.search(pattern, self._log_since(self.output, self.log_start)) is not None

    def nginx_saw(self, path):
        return f" {path} HTTP/" in self._log_since(self.access_log, self.access_log_start)

    def output_since_test_began(self):
        return self._log_since(self.output, self.log_start)

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


def render_deploy_file(script, folder, **env):
    """Run deploy/`script` (render_nginx_conf.py, render_varnish_vcl.py) as
    production_trial.sh does, with only `env` set; returns its exit status,
    what it wrote (None if nothing) and its message."""
    output = folder / f"{script}.out"
    result = subprocess.run(
        [sys.executable, str(PROJECT / "deploy" / script), str(output)],
        cwd=PROJECT,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        timeout=60,
    )
    written = output.read_text() if output.exists() else None
    return result.returncode, written, result.stderr.strip()


def missing_servers():
    missing = [
        name
        for name in ("nginx", "varnishd")
        if not shutil.which(name) and not Path(f"/usr/sbin/{name}").exists()
    ]
    return ", ".join(missing)


class SharedLayout:
    """The one layout of a test session, started when a test first asks for
    it (`running()`) and again if a test stopped it; `close()` stops it and
    removes its database and Redis server."""

    def __init__(self, tmp_path_factory):
        self.tmp_path_factory = tmp_path_factory
        self.layout = self.redis = self.database = None
        self.failure = None

    def running(self):
        # One failed start fails the tests after it at once, not after
        # another wait for a layout that will not come up.
        if self.failure:
            pytest.fail(self.failure)
        if self.layout is None or self.layout.process.poll() is not None:
            self.close()
            try:
                self._start()
            except BaseException as error:  # pytest.fail() raises no Exception
                self.failure = f"the shared layout did not start: {error}"
                raise
        return self.layout

    def _start(self):
        if missing := missing_servers():
            pytest.fail(f"{missing} missing: `make test` installs Debian's nginx-light and varnish")
        self.database = f"rusmeco_layout_{os.getpid()}_{secrets.token_hex(3)}"
        with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
            connection.execute(f'CREATE DATABASE "{self.database}"')
        self.redis = RedisServer()
        self.redis.start()
        self.layout = Layout(
            self.tmp_path_factory.mktemp("production-layout"),
            database_url=f"{POSTGRES}/{self.database}",
            redis_url=self.redis.url,
            # Pages are kept for an hour: a new title can only come from a purge.
            PUBLIC_PAGE_MAX_AGE="3600",
        )
        self.layout.start()
        seed(self.layout, ARTICLES)

    def close(self):
        if self.layout is not None:
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.layout.stop()
            self.layout = None
        if self.redis is not None:
            self.redis.stop()
            self.redis = None
        if self.database is not None:
            with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
                connection.execute(f'DROP DATABASE IF EXISTS "{self.database}" WITH (FORCE)')
            self.database = None


# A library in both languages with ARTICLES in it (slug, Russian title,
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
ARTICLES = [
    # tests/portal/test_front_cache.py
    ("front-cache", "Старое название", "Old title"),
    ("members-view", "Для участников", "For members"),
    ("purged-by-hand", "Очищаемая", "Purged by hand"),
    # tests/portal/test_app_servers.py
    ("shared", "Общая статья", "Shared article"),
]


def seed(layout, articles):
    assert layout.manage_shell(f"ARTICLES = {articles!r}\n{SEED}") == "seeded"


RETITLE = """
from wagtail.models import Page

for slug, language, title in TITLES:
    page = Page.objects.get(slug=slug, locale__language_code=language).specific
    page.title = title
    page.save_revision().publish()
print("published")
"""


def publish_titles(layout, titles):
    """Publish new titles, as an editor would: `titles` lists (slug,
    language, title); the worker purges the front cache."""
    assert layout.manage_shell(f"TITLES = {titles!r}\n{RETITLE}") == "published"
