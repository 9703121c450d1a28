"""How allauth fits the portal: where members land after logging in and
out (in the language they were using), that signing up never opens the
editors' area, and that a fresh log-in counts as a recent confirmation of
the password (community/reauthentication.py)."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core import context
from django.urls import reverse
from django.utils import translation

from community.reauthentication import logged_in_recently
from portal.proxies import client_ip


def user_display(user):
    """How allauth names a member in messages and e-mails: by the name they
    gave, not the user name made up for them at sign-up."""
    return user.get_full_name() or user.get_username()


class AccountAdapter(DefaultAccountAdapter):
    def get_login_redirect_url(self, request):
        return reverse("community:account")

    def get_signup_redirect_url(self, request):
        return reverse("community:account")

    def get_logout_redirect_url(self, request):
        return f"/{translation.get_language()}/"

    def get_client_ip(self, request):
        # Rate limits count the visitor behind our proxy, as everything
        # else does (portal/proxies.py), never a forged X-Forwarded-For.
        return client_ip(request)

    def save_user(self, request, user, form, commit=True):
        # Whatever a sign-up form is sent, a new account is a plain member:
        # no staff or superuser flag, no groups, hence no admin access.
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, user, form, commit=commit)

    def is_reauthentication_required(self, *, app, **kwargs):
        if not super().is_reauthentication_required(app=app, **kwargs):
            return False
        request = context.request
        return request is None or not logged_in_recently(request)
