"""WSGI entry point: `gunicorn portal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application
from django.urls import get_resolver

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.production")

application = get_wsgi_application()

# The URL patterns, and the views and admin modules they import, are loaded
# here rather than on a worker's first request: gunicorn loads this module in
# its master (preload_app, gunicorn.conf.py), so every worker, including one
# that replaces a retired worker, shares them instead of importing its own.
get_resolver().url_patterns  # noqa: B018 (read for what loading it imports)
