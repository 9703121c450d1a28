"""E-mails to members about their registrations: the confirmation of a
seat (with the event as an .ics attachment). That a seat has come free for
someone on the waiting list is a notification ("waitlist_promoted",
rusmeco_events/notices.py), e-mailed by the notification centre.

They are written in the language the member registered in and sent after
the registration has been committed; a mail server that fails is logged
and does not undo the registration.
"""

import logging

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.utils import translation
from wagtail.models import Locale

from home.terms import terms_of_locale
from portal.links import absolute_url
from rusmeco_events import ical
from rusmeco_events.formatting import event_when
from rusmeco_events.retry import serialised
from rusmeco_events.terms import dress

logger = logging.getLogger(__name__)


def send_confirmation(registration):
    _send(registration, "confirmation")


def _send(registration, template):
    try:
        message = serialised(lambda: _compose(registration, template))
        if message is not None:
            message.send()
    except Exception:
        logger.exception(
            "Could not send the %s e-mail of registration %s", template, registration.pk
        )


def _compose(registration, template):
    # Read again: the e-mail says what was committed.
    registrations = type(registration).objects.select_related("event", "event__region", "user")
    registration = registrations.filter(pk=registration.pk).first()
    if registration is None or not registration.user.email:
        return None
    with translation.override(registration.language):
        event = _event_in_language(registration.event, registration.language)
        url = absolute_url(event.url or "")
        context = {
            "registration": registration,
            "member_name": registration.member_name,
            "event": event,
            "when": event_when(event),
            "url": url,
        }
        subject = render_to_string(f"events/emails/{template}_subject.txt", context)
        message = EmailMessage(
            subject=" ".join(subject.split()),
            body=render_to_string(f"events/emails/{template}.txt", context),
            to=[registration.user.email],
        )
        cal = ical.calendar(
            [ical.event_component(event, url, include_joining_link=True)],
            uid=f"registration-{registration.pk}@rusmeco",
        )
        message.attach("event.ics", cal.to_ical(), "text/calendar")
    return message


def _event_in_language(event, language):
    """The event's page in the member's language if it is live, with its
    region and themes in that language."""
    locale = Locale.objects.filter(language_code=language).first()
    page = event
    if locale is not None and event.locale_id != locale.pk:
        translated = event.get_translation_or_none(locale)
        if translated is not None and translated.live:
            page = translated.specific
    dress([page], terms_of_locale(page.locale_id))
    return page
