"""Test-run configuration that must be seen before the tests are collected.

`make test` shares whole test files out between the test processes
(--dist loadfile), so that a module's set-up, the demo or a server, is built
once. Test files whose tests share a costlier set-up (a fixture named
below) go to one process together, so that it is built once too.
(pytest-xdist's own xdist_group marks do not reach its scheduler under
pytest 9.)

With several test processes, the migrations run once: the process that
shares the tests out migrates a template database while the others start
and collect their tests, and each of them makes its test database as a copy
of it (on PostgreSQL CREATE DATABASE ... TEMPLATE; SQLite's in-memory one is
filled from the template's file), where Django's migrate then has nothing
left to do. The template is removed when the run ends."""

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import pytest

PROJECT = Path(__file__).resolve().parent

# A fixture -> the test files that use it, sent to one process together.
SHARED_SET_UPS = {
    # The production layout (tests/portal/layout.py): nginx, Varnish, two
    # gunicorns and the worker, with a database migrated for it.
    "production_layout": (
        "tests/portal/test_app_servers.py",
        "tests/portal/test_front_cache.py",
        "tests/portal/test_production_layout.py",
    ),
}
GROUP_OF_FILE = {path: fixture for fixture, paths in SHARED_SET_UPS.items() for path in paths}
# The template database of this run ("postgresql" and its name, or "sqlite"
# and its file, and the folder that says when it is ready), in the process
# that shares tests out.
TEMPLATE_DATABASE = pytest.StashKey[tuple]()
MIGRATING = pytest.StashKey[tuple]()
TEMPLATE_TIMEOUT = 1800


@pytest.hookimpl(optionalhook=True)
def pytest_xdist_make_scheduler(config, log):
    if config.getvalue("dist") != "loadfile":
        return None
    from xdist.scheduler import LoadFileScheduling

    class FileOrSharedSetUpScheduling(LoadFileScheduling):
        def _split_scope(self, nodeid):
            path = super()._split_scope(nodeid)
            return GROUP_OF_FILE.get(path, path)

    return FileOrSharedSetUpScheduling(config, log)


def pytest_collection_modifyitems(config, items):
    """A test file that uses a shared set-up and is not listed with it would
    build it a second time in another process: stop before running."""
    unlisted = sorted(
        {
            item.nodeid.split("::", 1)[0]
            for item in items
            for fixture, paths in SHARED_SET_UPS.items()
            if fixture in getattr(item, "fixturenames", ())
            and item.nodeid.split("::", 1)[0] not in paths
        }
    )
    if unlisted:
        raise pytest.UsageError(
            f"{', '.join(unlisted)}: list in SHARED_SET_UPS (conftest.py) with the others"
        )


def _template_kind(config):
    """'postgresql' or 'sqlite' (an in-memory test database) in the process
    that shares tests out to others; None elsewhere."""
    if hasattr(config, "workerinput") or not config.pluginmanager.hasplugin("dsession"):
        return None
    from django.conf import settings

    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        return "postgresql"
    if database["ENGINE"].endswith("sqlite3") and not database.get("TEST", {}).get("NAME"):
        return "sqlite"
    return None


def _maintenance_connection():
    import psycopg
    from django.conf import settings

    database = settings.DATABASES["default"]
    return psycopg.connect(
        dbname="postgres",
        host=database["HOST"] or None,
        port=database["PORT"] or None,
        user=database["USER"] or None,
        password=database["PASSWORD"] or None,
        autocommit=True,
    )


@pytest.hookimpl(tryfirst=True)
def pytest_sessionstart(session):
    """Start migrating the template; the test processes start and collect
    their tests meanwhile, and wait for it before they copy it."""
    config = session.config
    kind = _template_kind(config)
    if kind is None:
        return
    from django.conf import settings

    folder = Path(tempfile.mkdtemp(prefix="rusmeco-test-template-"))
    if kind == "postgresql":
        name = f"test_{settings.DATABASES['default']['NAME']}_template_{uuid.uuid4().hex[:12]}"
        with _maintenance_connection() as connection:
            connection.execute(f'CREATE DATABASE "{name}"')
        url = urlsplit(os.environ["DATABASE_URL"])._replace(path=f"/{name}").geturl()
    else:
        name = str(folder / "db.sqlite3")
        url = f"sqlite:///{name}"
    # Migrated as Django migrates a test database (migrate --run-syncdb).
    with (folder / "migrate.log").open("w") as log:
        migrate = subprocess.Popen(
            [sys.executable, "manage.py", "migrate", "--run-syncdb", "--no-input"],
            cwd=PROJECT,
            env={**os.environ, "DATABASE_URL": url},
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    watching = threading.Thread(target=_say_when_migrated, args=(migrate, folder), daemon=True)
    watching.start()
    config.stash[TEMPLATE_DATABASE] = (kind, name, str(folder))
    config.stash[MIGRATING] = (migrate, watching)


def _say_when_migrated(migrate, folder):
    """Say, in `folder`, whether the template is ready or failed."""
    try:
        returncode = migrate.wait(timeout=TEMPLATE_TIMEOUT)
    except subprocess.TimeoutExpired:
        migrate.kill()
        returncode = None
    (folder / ("ready" if returncode == 0 else "failed")).touch()


def _wait_for_template(folder):
    deadline = time.monotonic() + TEMPLATE_TIMEOUT
    while time.monotonic() < deadline:
        if (folder / "ready").exists():
            return
        if (folder / "failed").exists():
            log = (folder / "migrate.log").read_text()[-3000:]
            pytest.fail(f"migrating the template database failed:\n{log}")
        time.sleep(0.5)
    pytest.fail("the template database was not migrated in time")


@pytest.hookimpl(optionalhook=True)
def pytest_configure_node(node):
    if template := node.config.stash.get(TEMPLATE_DATABASE, None):
        node.workerinput["template_database"] = template


def pytest_sessionfinish(session):
    template = session.config.stash.get(TEMPLATE_DATABASE, None)
    if template is None:
        return
    kind, name, folder = template
    # A run without a database test ends before the template is needed.
    migrate, watching = session.config.stash[MIGRATING]
    if migrate.poll() is None:
        migrate.kill()
    watching.join()
    if kind == "postgresql":
        with _maintenance_connection() as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="session")
def django_db_modify_db_settings(django_db_modify_db_settings, request):
    """The test database starts as a copy of the run's template, if it has
    one: on PostgreSQL Django creates it from the template; SQLite's, in
    memory, is filled from the template's file before Django opens it (and
    kept until the end by one more connection)."""
    template = getattr(request.config, "workerinput", {}).get("template_database")
    if template is None:
        yield
        return
    from django.conf import settings
    from django.db import connections

    kind, name, folder = template
    _wait_for_template(Path(folder))
    if kind == "postgresql":
        settings.DATABASES["default"].setdefault("TEST", {})["TEMPLATE"] = name
        yield
        return
    memory = connections["default"].creation._get_test_db_name()
    keeper = sqlite3.connect(memory, uri=True)
    with contextlib.closing(sqlite3.connect(f"file:{name}?mode=ro", uri=True)) as source:
        source.backup(keeper)
    yield
    keeper.close()
