"""Section 3: the next events of a region and how full they are.

Both languages of an event share one list of seats, kept on the first page
of its translations (EventPage.registration_event); that page stands for
the event here, so an event is listed once with its real counts.
"""

from django.db.models import Count, Exists, F, IntegerField, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from editorial.permissions import editable_by
from editorial.sections import Row, Section, first_rows
from rusmeco_events.models import EventPage, Registration


def _registrations(status):
    """An expression: the event's number of registrations in `status`."""
    counted = (
        Registration.objects.filter(event=OuterRef("pk"), status=status)
        .order_by()
        .values("event")
        .annotate(number=Count("pk"))
        .values("number")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), 0)


def upcoming_events(now):
    """Live events that have not ended, one page per event, with their
    `confirmed` and `waiting` registrations."""
    earlier_page = EventPage.objects.filter(
        translation_key=OuterRef("translation_key"), pk__lt=OuterRef("pk")
    )
    return (
        EventPage.objects.live()
        .filter(end__gt=now)
        .exclude(Exists(earlier_page))
        .annotate(
            confirmed=_registrations(Registration.Status.CONFIRMED),
            waiting=_registrations(Registration.Status.WAITING),
        )
    )


def _seats(event):
    if event["capacity"] is None:
        return _("%(confirmed)s confirmed (no seat limit), %(waiting)s waiting") % event
    return _("%(confirmed)s of %(capacity)s seats confirmed, %(waiting)s waiting") % event


def events_ahead(region_slugs, user, now=None):
    section = Section(
        key="events",
        title=_("Upcoming events"),
        empty=_("No upcoming events."),
    )
    events = first_rows(
        upcoming_events(now or timezone.now())
        .filter(region__slug__in=region_slugs)
        .annotate(editable=editable_by(user, OuterRef("pk"))),
        "region__slug",
        order_by=[F("start").asc(), F("pk").asc()],
    ).values(
        "region__slug",
        "total",
        "pk",
        "title",
        "start",
        "capacity",
        "confirmed",
        "waiting",
        "editable",
    )
    for event in events:
        starts = formats.date_format(timezone.localtime(event["start"]), "DATETIME_FORMAT")
        section.add(
            event["region__slug"],
            event["total"],
            Row(
                title=event["title"],
                url=reverse("wagtailadmin_pages:edit", args=[event["pk"]])
                if event["editable"]
                else "",
                note=f"{starts} · {_seats(event)}",
            ),
        )
    return section
