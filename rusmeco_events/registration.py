"""Registering for an event, cancelling, and the waiting list.

Seats are counted and given inside one transaction that first locks the
event's row (SELECT ... FOR UPDATE on PostgreSQL), so members who ask for
the last seats at the same moment are served one after another and the
confirmed registrations never outnumber the seats. SQLite has no row locks
but lets only one transaction write at a time: a transaction that finds
the database busy fails, and is tried again after a short pause.

Both languages of an event share one list of seats: registrations belong
to the first page of the event's translations (`EventPage.registration_event`).
E-mails and notifications go out only once the transaction has committed.

The event pages' routes use this module, so it reaches the models through
the pages and members it is given (`event.registrations`,
`user.event_registrations`) rather than by importing them.
"""

from django.db import transaction
from django.db.models import Count, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from portal import page_cache
from rusmeco_events import emails, notices
from rusmeco_events.choices import RegistrationStatus as Status
from rusmeco_events.retry import serialised


class RegistrationRefused(Exception):
    """A registration or cancellation that cannot be done. The message says
    why, in the member's language."""


def register(page, user, language):
    """Register `user` for the event shown on `page`: a seat if one is
    free, otherwise a place at the end of the waiting list."""

    def attempt():
        with transaction.atomic():
            event = _lock(page)
            now = timezone.now()
            _check_open(event, now)
            registration = event.registrations.filter(user=user).first()
            if registration is not None and registration.is_active:
                raise RegistrationRefused(
                    _("You are already registered for this event.")
                    if registration.status == Status.CONFIRMED
                    else _("You are already on the waiting list for this event.")
                )
            has_seat = event.capacity is None or confirmed_count(event) < event.capacity
            registration = registration or event.registrations.model(event=event, user=user)
            registration.status = Status.CONFIRMED if has_seat else Status.WAITING
            registration.language = language
            registration.registered_at = now
            registration.confirmed_at = now if has_seat else None
            registration.cancelled_at = None
            registration.save()
            return registration

    registration = serialised(attempt)
    if registration.status == Status.CONFIRMED:
        _tell_after_commit(emails.send_confirmation, [registration])
    return registration


def cancel(page, user):
    """Cancel the member's own registration; a freed seat goes to the first
    member waiting, who is told through the notification centre."""

    def attempt():
        with transaction.atomic():
            event = _lock(page)
            now = timezone.now()
            registration = event.registrations.active().filter(user=user).first()
            if registration is None:
                raise RegistrationRefused(_("You have no registration for this event to cancel."))
            if event.start <= now:
                raise RegistrationRefused(
                    _("The event has started: registrations can no longer be cancelled.")
                )
            registration.status = Status.CANCELLED
            registration.cancelled_at = now
            registration.save(update_fields=["status", "cancelled_at"])
            return registration, _promote(event, now)

    registration, promoted = serialised(attempt)
    _tell_after_commit(notices.tell_promoted, promoted)
    return registration


def fill_free_seats(page):
    """Give free seats to members waiting, for example after the capacity
    was raised. Returns the promoted registrations."""

    def attempt():
        with transaction.atomic():
            return _promote(_lock(page), timezone.now())

    promoted = serialised(attempt)
    _tell_after_commit(notices.tell_promoted, promoted)
    return promoted


def cancel_all_for_member(user):
    """Cancel every active registration of a member (their account is being
    deleted), giving their seats to the next in line."""
    active = user.event_registrations.active().select_related("event").order_by("event_id")
    for held in [registration.event for registration in active]:
        with transaction.atomic():
            event = _locked(held).get(pk=held.pk)
            now = timezone.now()
            event.registrations.active().filter(user=user).update(
                status=Status.CANCELLED, cancelled_at=now
            )
            page_cache.changed()  # the free seats shown on the event
            _tell_after_commit(notices.tell_promoted, _promote(event, now))


def confirmed_count(event):
    return event.registrations.filter(status=Status.CONFIRMED).count()


def seat_summary(page):
    """The event the page's registrations belong to (see
    `EventPage.registration_event`), with its `confirmed` and `waiting`
    counts, in one query."""
    translations = type(page).objects.filter(translation_key=page.translation_key)
    event = (
        translations.order_by("pk")
        .only("pk", "capacity", "start", "end", "registration_deadline")
        .annotate(
            confirmed=Count("registrations", filter=Q(registrations__status=Status.CONFIRMED)),
            waiting=Count("registrations", filter=Q(registrations__status=Status.WAITING)),
        )
        .first()
    )
    if event is None:  # a new page shown in preview: nothing saved yet
        event, event.confirmed, event.waiting = page, 0, 0
    page.registration_event = event  # spares the page a second look-up
    return event


def waiting_position(registration):
    """1 for the first member in line."""
    waiting = type(registration).objects.filter(
        event_id=registration.event_id, status=Status.WAITING
    )
    ahead = waiting.filter(
        Q(registered_at__lt=registration.registered_at)
        | Q(registered_at=registration.registered_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


def _lock(page):
    """The event the page's registrations belong to (the first page of its
    translations, see `EventPage.registration_event`), its row locked until
    the transaction ends."""
    return _locked(page).filter(translation_key=page.translation_key).order_by("pk").first()


def _locked(page):
    """Events of the page's type, their rows to be locked as they are read."""
    return type(page).objects.select_for_update(of=("self",)).select_related("region")


def _check_open(event, now):
    if event.is_past(now):
        raise RegistrationRefused(_("This event is over."))
    if event.start <= now:
        raise RegistrationRefused(_("Registration closed when the event started."))
    if not event.registration_is_open(now):
        closed_at = formats.date_format(
            timezone.localtime(event.registration_closes_at, event.zone), "DATETIME_FORMAT"
        )
        raise RegistrationRefused(_("Registration closed on %(date)s.") % {"date": closed_at})


def _promote(event, now):
    """Confirm members waiting, first come first served, while seats are
    free and the event has not started. Call with the event locked."""
    if event.start <= now:
        return []
    waiting = event.registrations.filter(status=Status.WAITING).order_by("registered_at", "pk")
    if event.capacity is not None:
        free = event.capacity - confirmed_count(event)
        if free <= 0:
            return []
        waiting = waiting[:free]
    promoted = list(waiting)
    for registration in promoted:
        registration.status = Status.CONFIRMED
        registration.confirmed_at = now
        registration.save(update_fields=["status", "confirmed_at"])
    return promoted


def _tell_after_commit(send, registrations):
    """E-mail the members once their registrations are committed: at once
    after a transaction of our own, at the end of a caller's transaction
    otherwise. (Never inside a transaction that may be tried again.)"""
    for registration in registrations:
        transaction.on_commit(lambda registration=registration: send(registration))
