"""The production set-up as it runs: gunicorn with production settings and
DEBUG off, after migrate and collectstatic, serving pages and whitenoise's
compressed, hash-named static files with no web server in front.

The server listens on 127.0.0.1 only and every wait is bounded."""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

PROJECT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url, **headers):
    request = urllib.request.Request(url, headers={"Host": "127.0.0.1", **headers})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


@pytest.fixture(scope="module")
def production_server(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("production")
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "CACHE_URL"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="portal.settings.production",
        SECRET_KEY="production-smoke-test-secret-key-0123456789-abcdefghij",
        ALLOWED_HOSTS="127.0.0.1",
        SECURE_SSL_REDIRECT="false",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        MEDIA_ROOT=str(workdir / "media"),
        STATIC_ROOT=str(workdir / "static"),
    )

    def manage(*args):
        subprocess.run(
            [sys.executable, "manage.py", *args, "--settings=portal.settings.production"],
            cwd=PROJECT,
            env=env,
            check=True,
            capture_output=True,
            timeout=300,
        )

    manage("migrate", "--no-input")
    manage("collectstatic", "--no-input")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "portal.wsgi", "--bind", f"127.0.0.1:{port}", "-w", "1"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        try:
            fetch(base + "/ru/")
            break
        except OSError:
            time.sleep(0.3)
    else:
        server.kill()
        pytest.fail("gunicorn did not start within a minute")
    yield base
    server.terminate()
    server.wait(timeout=10)


def test_pages_are_served_with_debug_off(production_server):
    status, headers, body = fetch(production_server + "/ru/")

    assert status == 200
    assert b'<html lang="ru"' in body
    assert "public" in headers["Cache-Control"]


def test_missing_page_gets_the_friendly_404_not_a_debug_page(production_server):
    status, _, body = fetch(production_server + "/en/no-such-page/")

    assert status == 404
    assert b"Page not found" in body
    assert b"Traceback" not in body and b"URLconf" not in body


def test_static_files_have_hashed_names_and_are_served_compressed(production_server):
    _, _, body = fetch(production_server + "/ru/")
    stylesheet = re.search(rb'href="(/static/css/portal\.[0-9a-f]{12}\.css)"', body)
    assert stylesheet, "the page links the hash-named stylesheet"

    status, headers, _ = fetch(
        production_server + stylesheet.group(1).decode(), **{"Accept-Encoding": "gzip"}
    )

    assert status == 200
    assert headers["Content-Encoding"] == "gzip"
    assert "immutable" in headers["Cache-Control"]
