"""The forms of expressions of interest: the first message, a reply, the
request for an introduction, the outcome, and the coordinator's record of
an introduction. Messages are plain text, shown escaped."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.contact_choices import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, OUTCOMES


def _text(text):
    return (text or "").replace("\r\n", "\n").strip()


class MessageForm(forms.Form):
    body = forms.CharField(
        label=_("Your message"),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Please write a message."),
            "max_length": _(
                "Please keep your message under %(limit_value)d characters (it has %(show_value)d)."
            ),
        },
    )

    def clean_body(self):
        body = _text(self.cleaned_data["body"])
        if not body:
            raise forms.ValidationError(_("Please write a message."))
        return body


class InterestForm(MessageForm):
    body = forms.CharField(
        label=_("Your message to the company"),
        help_text=_(
            "Say who you are and what interests you. The company's managers will reply "
            "on the portal; your e-mail address stays hidden until you share it."
        ),
        max_length=MESSAGE_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages=MessageForm.base_fields["body"].error_messages,
    )


class IntroductionRequestForm(forms.Form):
    note = forms.CharField(
        label=_("A note to the coordinators (optional)"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )

    def clean_note(self):
        return _text(self.cleaned_data["note"])


class OutcomeForm(forms.Form):
    outcome = forms.ChoiceField(
        label=_("Outcome"),
        choices=[(status.value, status.label) for status in OUTCOMES],
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Please choose an outcome."),
            "invalid_choice": _("Please choose one of the outcomes offered."),
        },
    )


class IntroductionForm(forms.Form):
    """What a coordinator records about an introduction they made."""

    introduced_on = forms.DateField(
        label=_("Date of the introduction"),
        widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={
            "required": _("Please give the date of the introduction."),
            "invalid": _("Please give a date such as 2026-03-31."),
        },
    )
    note = forms.CharField(
        label=_("Note"),
        max_length=NOTE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def clean_introduced_on(self):
        day = self.cleaned_data["introduced_on"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("An introduction cannot be dated in the future."))
        return day

    def clean_note(self):
        return _text(self.cleaned_data["note"])
