"""An app server starts without the libraries its pages never use: calendar
files (iCalendar) and Markdown are only loaded by the requests that make
them (rusmeco_events/ical.py, home/markdown.py; bench/memory.py measures
the workers)."""

import json

import pytest

from tests.helpers import run_python

PRODUCTION_ENV = {
    "SECRET_KEY": "x7!q-production-like-secret-key-for-the-app-start-up-0123456789",
    "ALLOWED_HOSTS": "portal.rusmeco.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://portal.rusmeco.example",
}


@pytest.mark.database_independent
def test_an_app_server_starts_without_modules_its_pages_never_use():
    """What a gunicorn worker has loaded once the portal and its URLs are
    ready: calendar files and Markdown are made on their own requests."""
    code = (
        "import json, sys; from portal.wsgi import application; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    result = run_python(code, "portal.settings.production", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert {"django", "wagtail"} <= loaded
    assert not loaded & {"icalendar", "markdown_it"}
