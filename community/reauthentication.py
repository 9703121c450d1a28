"""When a sensitive action asks for the password again.

Changing the e-mail address, exporting one's data and deleting the account
go through allauth's reauthentication: the member confirms their password
at /<language>/accounts/reauthenticate/ and returns to the action. allauth
counts only such confirmations as recent; the portal also lets a log-in of
the last ACCOUNT_REAUTHENTICATION_TIMEOUT seconds count, so a member who
has just logged in is not asked twice (community/adapter.py).
"""

import time
from functools import wraps
from urllib.parse import urlencode

from allauth.account import app_settings
from allauth.account.adapter import get_adapter
from allauth.account.decorators import reauthentication_required
from allauth.core.exceptions import ReauthenticationRequired
from django.contrib.auth import REDIRECT_FIELD_NAME
from django.shortcuts import redirect
from django.urls import reverse

LOGGED_IN_AT = "community_logged_in_at"


def record_log_in(sender, request, user, **kwargs):
    """user_logged_in receiver: when this session's log-in happened."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGGED_IN_AT] = time.time()


def logged_in_recently(request):
    logged_in_at = request.session.get(LOGGED_IN_AT)
    if not isinstance(logged_in_at, int | float):
        return False
    return 0 <= time.time() - logged_in_at < app_settings.REAUTHENTICATION_TIMEOUT


def reauthentication_required_returning_to(url_name):
    """allauth's reauthentication_required for a form that carries a
    secret (the delete form asks for the password too): allauth would keep
    the whole POST in the session, password included, to replay it after
    the confirmation. Instead the member confirms their password and comes
    back to the page `url_name`, to send the form again."""

    def decorator(view):
        guarded = reauthentication_required(view, allow_get=True, app="allauth.account")

        @wraps(view)
        def wrapper(request, *args, **kwargs):
            try:
                return guarded(request, *args, **kwargs)
            except ReauthenticationRequired:
                methods = get_adapter().get_reauthentication_methods(request.user)
                return_to = urlencode({REDIRECT_FIELD_NAME: reverse(url_name)})
                return redirect(f"{methods[0]['url']}?{return_to}")

        return wrapper

    return decorator
