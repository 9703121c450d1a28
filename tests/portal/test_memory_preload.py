"""gunicorn loads the portal once, in the master, and forks the workers from
it (preload_app in gunicorn.conf.py). That is safe only while loading the
portal opens nothing the workers would then share: no database or Redis
connection, no thread."""

import gc
import json
import os
import runpy

import pytest

from tests.helpers import PROJECT, run_python
from tests.portal.test_settings import PRODUCTION_ENV

# The same on every database: CI runs these in the SQLite pass only.
pytestmark = pytest.mark.database_independent


WHAT_LOADING_LEAVES_OPEN = """
import json, os, sys, threading
from portal.wsgi import application
from django.db import connections
sockets = 0
for fd in os.listdir("/proc/self/fd"):
    try:
        sockets += os.readlink(f"/proc/self/fd/{fd}").startswith("socket:")
    except FileNotFoundError:  # the listing's own descriptor, closed by now
        pass
print(json.dumps({
    "databases": [alias for alias in connections if connections[alias].connection is not None],
    "sockets": sockets,
    "threads": threading.active_count(),
    "urls_loaded": "portal.urls" in sys.modules and "wagtail.admin.urls" in sys.modules,
}))
"""


def gunicorn_settings(**env):
    saved = os.environ.copy()
    os.environ.update(env)
    try:
        return runpy.run_path(str(PROJECT / "gunicorn.conf.py"))
    finally:
        os.environ.clear()
        os.environ.update(saved)


def test_loading_the_portal_opens_no_connection_and_no_thread():
    result = run_python(WHAT_LOADING_LEAVES_OPEN, "portal.settings.production", **PRODUCTION_ENV)

    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {
        "databases": [],
        "sockets": 0,
        "threads": 1,
        # Loaded in the master, so that the workers share them.
        "urls_loaded": True,
    }


def test_the_portal_is_loaded_in_the_master_unless_turned_off():
    assert gunicorn_settings()["preload_app"] is True
    assert gunicorn_settings(GUNICORN_PRELOAD="false")["preload_app"] is False


def test_the_master_freezes_what_it_loaded_before_each_fork():
    """Objects the master loaded are left out of the workers' collections,
    which would otherwise write to them and unshare their pages."""
    pre_fork = gunicorn_settings()["pre_fork"]
    gc.unfreeze()
    assert gc.get_freeze_count() == 0
    try:
        pre_fork(server=None, worker=None)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
