"""How often the contact form may be sent: per visitor address and per
e-mail address given in the form, counted in Django's cache (Redis in
production, so every app server sees the same counts).

The counting is allauth's rate limiting, the one the portal's log-in
throttling uses; the limits are ACCOUNT_RATE_LIMITS["contact_form"] in
the settings ("…/ip" per client address, read by client_ip() behind our proxy,
"…/key" per e-mail address). Only messages that would be sent are
counted, so a visitor correcting a typo is not held back.
"""

from allauth.account.adapter import get_adapter
from allauth.core import ratelimit
from django import forms
from django.utils.translation import gettext_lazy as _

ACTION = "contact_form"

TOO_MANY_MESSAGES = _(
    "You have sent several messages in a short time, so this one was not sent. "
    "Please wait an hour and try again, or write to us by e-mail."
)


def submitted_addresses(form):
    """The e-mail addresses a valid contact form was given, in field order."""
    return [
        form.cleaned_data[field.name]
        for field in form
        if isinstance(field.field, forms.EmailField) and form.cleaned_data.get(field.name)
    ]


def may_send(request, form):
    """Count this message and say whether it is within the limits."""
    addresses = submitted_addresses(form)
    # A form without an e-mail field counts against the visitor's address twice.
    key = addresses[0].casefold() if addresses else f"ip:{get_adapter().get_client_ip(request)}"
    return ratelimit.consume(request, action=ACTION, key=key)
