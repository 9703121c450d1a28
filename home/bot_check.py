"""A bot check for public forms that needs no outside service: a honeypot.

Forms anyone may send (the contact form, sign-up) get one more text field
that people leave empty and form-filling programs tend to fill in. It is
hidden from sight with the `.visually-hidden` class (a stylesheet rule, so
it works under a Content-Security-Policy without inline styles), skipped
by the Tab key (tabindex=-1) and by the browser's autofill
(autocomplete=off); screen readers still read it, so its label tells their
users to leave it empty. A form whose trap is filled is refused with a
clear message, and nothing is stored or sent.

Use it by putting HoneypotFormMixin first in a form's bases; templates show
the field with includes/honeypot_field.html (community's form_fields.html
and the contact form page do already).
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)

# A name form-filling programs like to fill in, unlikely to clash with a
# field an editor adds to a contact form.
HONEYPOT_FIELD_NAME = "homepage"

LOOKS_AUTOMATED = _(
    "The form was not sent because it looks as if a program filled it in. "
    "If you are a person, please leave the field “Leave this field empty” "
    "blank and send the form again."
)


class HoneypotField(forms.CharField):
    """The trap: templates recognise it by `is_honeypot`."""

    is_honeypot = True

    def __init__(self):
        super().__init__(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )


class HoneypotFormMixin:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD_NAME] = HoneypotField()

    def clean(self):
        cleaned_data = super().clean()
        # The trap's value is never stored or sent with the form's data.
        if self.cleaned_data.pop(HONEYPOT_FIELD_NAME, ""):
            logger.info("A %s was refused: its honeypot was filled in.", type(self).__name__)
            raise ValidationError(LOOKS_AUTOMATED, code="looks_automated")
        return cleaned_data
