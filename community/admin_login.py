"""Throttling of the Wagtail admin log-in (/admin/login/).

The admin log-in is Wagtail's own view; its form is replaced through the
WAGTAILADMIN_USER_LOGIN_FORM setting by this subclass, which counts
failed attempts with the same allauth rate limit as the site's log-in
(ACCOUNT_RATE_LIMITS["login_failed"]: per IP address and per user name).
Once the limit is reached, further attempts are refused, with a clear
message in the visitor's language, until the window has passed; a right
password does not get through meanwhile.
"""

from allauth.core import ratelimit
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

TOO_MANY_ATTEMPTS = _(
    "Too many failed log-in attempts. Please wait a few minutes before you try again."
)


class ThrottledLoginForm(LoginForm):
    def _rate_key(self):
        username = (self.cleaned_data.get("username") or "").strip().casefold()
        return f"wagtail-admin:{username}"

    def clean(self):
        if self.request is None:
            return super().clean()
        key = self._rate_key()
        if not ratelimit.consume(self.request, action="login_failed", key=key, dry_run=True):
            raise ValidationError(TOO_MANY_ATTEMPTS, code="too_many_attempts")
        try:
            return super().clean()
        except ValidationError:
            ratelimit.consume(self.request, action="login_failed", key=key)
            raise
