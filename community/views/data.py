""" "Your data": download everything the portal holds about you, or delete
your account.

Both go through home/member_data.py, so every app that keeps member data
(profiles, comments, registrations ...) takes part through its hooks. Both
ask for the password again when the log-in is not recent (allauth's
reauthentication, see community/reauthentication.py), then go on with
what the member asked for. Deleting the account ends the member's
sessions on every device.
"""

import json

from allauth.account.decorators import reauthentication_required
from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from community.forms.account import DeleteAccountForm
from community.reauthentication import reauthentication_required_returning_to
from community.sessions import end_sessions
from home.member_data import erase_member_data, export_member_data


def may_delete_themselves(user):
    """Editors' and administrators' accounts are removed by an
    administrator, who can hand their pages over first."""
    return not (user.is_staff or user.is_superuser or user.has_perm("wagtailadmin.access_admin"))


@never_cache
@login_required
def my_data(request):
    return render(
        request,
        "community/my_data.html",
        {
            "form": DeleteAccountForm(user=request.user),
            "may_delete": may_delete_themselves(request.user),
        },
    )


@never_cache
@login_required
@reauthentication_required(allow_get=False, app="allauth.account")
def export_data(request):
    data = {
        "exported_at": timezone.now(),
        "portal": "RUSMECO",
        **export_member_data(request.user),
    }
    response = HttpResponse(
        json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
        content_type="application/json; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="rusmeco-my-data.json"'
    return response


@never_cache
@login_required
@reauthentication_required_returning_to("community:my_data")
def delete_account(request):
    if request.method != "POST":
        return redirect("community:my_data")
    user = request.user
    may_delete = may_delete_themselves(user)
    form = DeleteAccountForm(request.POST, user=user)
    if not may_delete:
        messages.error(
            request, _("Accounts with access to the editors' area are deleted by an administrator.")
        )
    elif not ratelimit.consume(request, action="reauthenticate", user=user):
        messages.error(request, _("Too many attempts. Please wait a minute and try again."))
    elif form.is_valid():
        user_id = user.pk
        with transaction.atomic():
            erase_member_data(user)
            user.delete()
        logout(request)
        end_sessions(user_id)
        messages.success(request, _("Your account has been deleted. Thank you for being with us."))
        return redirect(f"/{request.LANGUAGE_CODE}/")
    return render(
        request,
        "community/my_data.html",
        {"form": form, "may_delete": may_delete},
        status=200 if may_delete else 403,
    )
