"""Absolute links for e-mails, which have no request to ask for the host."""

from django.conf import settings


def absolute_url(path):
    """`path` on the portal's public address (WAGTAILADMIN_BASE_URL)."""
    if path.startswith(("http://", "https://")):
        return path
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
