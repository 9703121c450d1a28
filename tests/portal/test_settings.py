"""Configuration comes from the environment with an embedded default;
production refuses to start half-configured.

Each case imports the settings in a fresh interpreter, since settings are
read once per process."""

import json
import os
import subprocess
import sys

import pytest

from tests.helpers import PROJECT, SERVICE_VARIABLES, run_python

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent

PRODUCTION_ENV = {
    "SECRET_KEY": "x7!q-production-like-secret-key-for-the-deploy-check-0123456789",
    "ALLOWED_HOSTS": "portal.rusmeco.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://portal.rusmeco.example",
}


def read_settings(settings="portal.settings.base", **env):
    code = (
        "import json; from django.conf import settings as s; "
        "print(json.dumps({'engine': s.DATABASES['default']['ENGINE'], "
        "'name': str(s.DATABASES['default']['NAME']), "
        "'cache': s.CACHES['default']['BACKEND'], "
        "'cache_location': s.CACHES['default'].get('LOCATION'), "
        "'email': s.EMAIL_BACKEND, 'delivery': s.EMAIL_DELIVERY_BACKEND, "
        "'tasks': s.TASKS['default']['BACKEND'], 'media': str(s.MEDIA_ROOT), "
        "'sessions': s.SESSION_ENGINE, "
        "'static': s.STORAGES['staticfiles']['BACKEND'], 'debug': s.DEBUG}))"
    )
    result = run_python(code, settings, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_no_variables_give_the_embedded_defaults():
    values = read_settings()

    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"] == str(PROJECT / "db.sqlite3")
    assert values["cache"] == "django.core.cache.backends.locmem.LocMemCache"
    assert values["media"] == str(PROJECT / "media")
    # Mail is queued in the database and printed by the worker.
    assert values["email"] == "home.mail.QueueBackend"
    assert values["delivery"] == "django.core.mail.backends.console.EmailBackend"
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"


def test_a_sqlite_transaction_holds_the_write_lock_from_its_start(tmp_path):
    """Registrations read the free seats and then write: on SQLite the
    transaction must own the write lock before it reads, or two members
    could take the last seat."""
    code = (
        "import django, sqlite3; django.setup(); "
        "from django.db import connection, transaction; "
        "transaction.atomic().__enter__(); connection.ensure_connection(); "
        "other = sqlite3.connect(connection.settings_dict['NAME'], timeout=0)\n"
        "try:\n    other.execute('BEGIN IMMEDIATE'); print('free')\n"
        "except sqlite3.OperationalError as error:\n    print(error)"
    )
    result = run_python(
        code, "portal.settings.dev", DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}"
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "database is locked"


def test_database_url_switches_to_postgresql():
    values = read_settings(DATABASE_URL="postgres://portal@db.internal:5432/rusmeco")

    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "rusmeco"


@pytest.mark.parametrize(
    ("env", "expected"), [({}, "off 0"), ({"DB_PARALLEL_WORKERS": "2"}, "off 2")]
)
def test_postgresql_connections_start_no_parallel_workers_unless_asked(env, expected):
    """A page's queries are short: starting parallel workers or compiling
    one costs more than it saves. The connection the portal opens says so."""
    code = (
        "import django; django.setup(); from django.db import connection; "
        "cursor = connection.cursor(); cursor.execute('SHOW jit'); jit = cursor.fetchone()[0]; "
        "cursor.execute('SHOW max_parallel_workers_per_gather'); "
        "print(jit, cursor.fetchone()[0])"
    )
    result = run_python(
        code,
        "portal.settings.dev",
        DATABASE_URL="postgres://postgres@127.0.0.1:5432/postgres",
        **env,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == expected


@pytest.mark.parametrize("variable", ["REDIS_URL", "CACHE_URL"])
def test_redis_url_switches_the_cache_to_redis(variable):
    values = read_settings(**{variable: "redis://127.0.0.1:6379/1"})

    # Django's RedisCache, answering as an empty cache while Redis is down.
    assert values["cache"] == "portal.cache.ResilientRedisCache"
    assert values["cache_location"] == "redis://127.0.0.1:6379/1"
    # Members stay signed in when Redis restarts: sessions are in the database.
    assert values["sessions"] == "django.contrib.sessions.backends.cached_db"


def test_email_host_switches_to_smtp():
    values = read_settings(EMAIL_HOST="smtp.rusmeco.example")

    # Queued, then delivered by Django's SMTP backend, whose errors reach
    # the task so that it can be tried again.
    assert values["email"] == "home.mail.QueueBackend"
    assert values["delivery"] == "django.core.mail.backends.smtp.EmailBackend"


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({**PRODUCTION_ENV, "SECRET_KEY": ""}, "Set the SECRET_KEY"),
        ({**PRODUCTION_ENV, "ALLOWED_HOSTS": ""}, "Set the ALLOWED_HOSTS"),
        # Several workers: without a shared cache each keeps its own rate
        # limits and serves stale menus after a publish.
        ({**PRODUCTION_ENV, "REDIS_URL": ""}, "Set the REDIS_URL"),
        # The links in e-mails would point at 127.0.0.1.
        ({**PRODUCTION_ENV, "WAGTAILADMIN_BASE_URL": ""}, "Set the WAGTAILADMIN_BASE_URL"),
    ],
)
def test_production_fails_fast_when_half_configured(env, message):
    result = run_python("import django; django.setup()", "portal.settings.production", **env)

    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_production_uses_compressed_hashed_static_files_and_no_debug():
    values = read_settings("portal.settings.production", **PRODUCTION_ENV)

    assert values["debug"] is False
    assert values["static"] == "whitenoise.storage.CompressedManifestStaticFilesStorage"


def test_deploy_check_reports_nothing():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "DEBUG"],
        cwd=PROJECT,
        env={
            **{k: v for k, v in os.environ.items() if k not in SERVICE_VARIABLES},
            **PRODUCTION_ENV,
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    # The one silenced check is X_FRAME_OPTIONS=SAMEORIGIN, which Wagtail's
    # live preview needs (see portal/settings/production.py).
    assert "System check identified no issues (1 silenced)." in result.stdout


def test_redis_cache_and_sessions_work_against_a_real_server():
    """The Redis on 127.0.0.1:6379 (started by .ci/run; running on every
    development machine) keeps the cache and the sessions."""
    code = (
        "import django; django.setup(); "
        "from django.core.cache import cache; "
        "from django.contrib.sessions.backends.cache import SessionStore; "
        "cache.set('rusmeco-settings-test', 'ok', 30); "
        "store = SessionStore(); store['member'] = 42; store.save(); "
        "print(cache.get('rusmeco-settings-test'), SessionStore(store.session_key)['member'])"
    )
    result = run_python(
        code,
        "portal.settings.base",
        REDIS_URL="redis://127.0.0.1:6379/15",
        SECRET_KEY=PRODUCTION_ENV["SECRET_KEY"],
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["ok", "42"]
