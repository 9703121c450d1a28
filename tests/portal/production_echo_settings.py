"""The production settings with one test-only address added, /__client__/,
which shows what the portal believes about the visitor: their address and
whether they came over HTTPS. Only tests/portal/test_production_layout.py
runs a server with it."""

from portal.settings.production import *  # noqa: F403

ROOT_URLCONF = "tests.portal.production_echo_urls"
# Answered over plain HTTP too, so a request straight to gunicorn shows
# what it believes instead of being redirected.
SECURE_REDIRECT_EXEMPT = [r"^__client__/$"]
