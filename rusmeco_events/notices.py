"""What the notification centre shows of registrations, and the
reminders the day before an event.

A registration is shown to its own member only, as the event it is for
(its page in the active language) and only while anyone may see that
page.
"""

import datetime

from django.utils import timezone
from wagtail.models import Page

from notifications.notify import notify
from notifications.targets import Shown, visible_pages_in_language
from rusmeco_events.choices import RegistrationStatus as Status


def present_registrations(registrations, user):
    """Notification targets (notifications/targets.py); three queries."""
    own = [r for r in registrations if r.user_id == user.pk]
    events = Page.objects.in_bulk({r.event_id for r in own})
    shown = visible_pages_in_language(events.values())
    return {
        r.pk: Shown(page.title, page.get_url() or "")
        for r in own
        if (page := shown.get(r.event_id)) is not None
    }


def tell_promoted(registration):
    """A seat came free for a member waiting: the notification (by e-mail
    at once unless they chose otherwise) replaces the e-mail of its own
    that promotion used to send."""
    notify(registration.user, "waitlist_promoted", target=registration)


def send_reminders(now=None):
    """Remind the members with a confirmed seat at an event that starts
    tomorrow, in the event's own time zone. Each registration is reminded
    once, however often this runs: it is marked before the member is told,
    by an update that only one run can make. Returns how many were
    reminded."""
    from rusmeco_events.models import Registration

    now = now or timezone.now()
    # Tomorrow somewhere in Russia is within this window, whatever the zone.
    candidates = (
        Registration.objects.filter(
            status=Status.CONFIRMED,
            reminded_at__isnull=True,
            event__start__gt=now,
            event__start__lt=now + datetime.timedelta(days=3),
        )
        .select_related("event", "event__region", "user")
        .order_by("event_id", "pk")
    )
    reminded = 0
    for registration in candidates:
        event = registration.event
        tomorrow = now.astimezone(event.zone).date() + datetime.timedelta(days=1)
        if event.local_start.date() != tomorrow:
            continue
        claimed = Registration.objects.filter(pk=registration.pk, reminded_at__isnull=True).update(
            reminded_at=now
        )
        if claimed:
            notify(registration.user, "event_reminder", target=registration)
            reminded += 1
    return reminded
