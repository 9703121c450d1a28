"""Signed one-click unsubscribe links (RFC 8058).

A link names one member and one event type (or the digest) and nothing
else, so following it changes only that preference. It is signed with the
site's secret and lasts a year: older links, forged ones and links for an
event type that does not exist are refused with a clear message.
"""

from django.core import signing
from django.urls import reverse
from django.utils import translation

from portal.links import absolute_url

SALT = "notifications.unsubscribe"
MAX_AGE = 365 * 24 * 60 * 60


def make_token(user, event):
    return signing.dumps({"u": user.pk, "e": event}, salt=SALT, compress=True)


def read_token(token):
    """(user id, event name), or None for a forged or expired token."""
    try:
        data = signing.loads(token, salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("u"), int):
        return None
    return data["u"], str(data.get("e", ""))


def unsubscribe_url(user, event, language):
    with translation.override(language):
        path = reverse("notifications:unsubscribe", args=[make_token(user, event)])
    return absolute_url(path)
