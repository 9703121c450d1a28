"""One-click unsubscribe from the links in notification e-mails.

The link works without logging in: its signed token names the member and
the event type (or the digest), and is the only authority. GET shows a
confirmation page with a button; POST (the button, or a mail client's
RFC 8058 one-click request, which has no CSRF token and no cookie) turns
that one preference off. CSRF protection is left out on purpose: a forged
request can do no more than the signed link itself allows.
"""

from django.contrib.auth import get_user_model
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from notifications.channels import Channel
from notifications.events import EVENT_TYPES
from notifications.preferences import set_channel
from notifications.unsubscribe import read_token


def _read(token):
    """(member, event type) the token names, or None when it is forged,
    tampered with, expired, or names an event type or member that does not
    exist (any more)."""
    data = read_token(token)
    if data is None:
        return None
    user_id, event_name = data
    event = EVENT_TYPES.get(event_name)
    user = get_user_model().objects.filter(pk=user_id).first()
    if event is None or user is None or Channel.OFF not in event.channels:
        return None
    return user, event


@csrf_exempt
@never_cache
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    found = _read(token)
    if found is None:
        return render(request, "notifications/unsubscribe_invalid.html", status=400)
    user, event = found
    if request.method == "POST":
        set_channel(user, event.name, Channel.OFF)
        return render(request, "notifications/unsubscribe_done.html", {"event": event})
    return render(request, "notifications/unsubscribe.html", {"event": event, "token": token})
