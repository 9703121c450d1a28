"""What the routes of the event pages do: the list of upcoming events, the
archive, the month calendar, and registering and cancelling on an event
page. (The iCalendar files are in events/feeds.py.)"""

import datetime
import functools

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404, HttpResponseNotAllowed, QueryDict
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _

from home.pagination import page_of
from home.terms import terms_of_locale
from rusmeco_events import formatting, registration
from rusmeco_events import month as months
from rusmeco_events.choices import RegistrationStatus
from rusmeco_events.forms import EventFilterForm
from rusmeco_events.terms import dress

PER_PAGE = 20


def _listing(calendar_page, request):
    """The filter form and the visible events of this calendar, filtered."""
    terms = terms_of_locale(calendar_page.locale_id)
    form = EventFilterForm(request.GET, terms)
    return terms, form, calendar_page.events().filtered(**form.active)


def _filter_query(form):
    """The active filters as a query string, kept by the links between the
    views and months."""
    query = QueryDict(mutable=True)
    query.update(form.active)
    return query.urlencode()


def upcoming(calendar_page, request):
    return _event_list(calendar_page, request, archive=False)


def archive(calendar_page, request):
    return _event_list(calendar_page, request, archive=True)


def _event_list(calendar_page, request, archive):
    terms, form, events = _listing(calendar_page, request)
    now = timezone.now()
    events = events.past(now) if archive else events.upcoming(now)
    page_of_events = page_of(request, events, PER_PAGE)
    dress(page_of_events.object_list, terms)
    return calendar_page.render(
        request,
        template="events/event_index_page.html",
        context_overrides={
            "view": "archive" if archive else "upcoming",
            "events": page_of_events,
            "filter_form": form,
            "filter_query": _filter_query(form),
            "terms": terms,
        },
    )


def month(calendar_page, request, year=None, month=None):
    today = timezone.localdate()
    if year is None:
        year, month = today.year, today.month
    if not months.is_valid_month(year, month, today):
        raise Http404("No such month in the calendar.")
    terms, form, events = _listing(calendar_page, request)
    first, last = months.grid_bounds(year, month)

    @functools.cache
    def weeks():
        shown = dress(list(events.overlapping(first, last)), terms)
        return months.month_weeks(year, month, shown, today)

    before, after = months.neighbours(year, month, today)
    return calendar_page.render(
        request,
        template="events/event_calendar.html",
        context_overrides={
            "view": "calendar",
            "month_start": datetime.date(year, month, 1),
            # Asked of the database only when the month's fragment is not
            # in the cache (templates/events/event_calendar.html).
            "weeks": SimpleLazyObject(weeks),
            "month_has_events": SimpleLazyObject(
                lambda: any(day.in_month and day.events for week in weeks() for day in week)
            ),
            "today": today,
            "previous_month": datetime.date(*before, 1) if before else None,
            "next_month": datetime.date(*after, 1) if after else None,
            "this_month": datetime.date(today.year, today.month, 1),
            "filter_form": form,
            "filter_query": _filter_query(form),
            "terms": terms,
        },
    )


def event_context(event, request):
    """What the event page shows besides its content: the event's region and
    themes in the page's language, the seats, and the visitor's own
    registration."""
    dress([event], terms_of_locale(event.locale_id), lazy_themes=True)
    now = timezone.now()
    seats = registration.seat_summary(event)
    own = None
    position = None
    if request.user.is_authenticated and seats.pk is not None:  # None: a new page in preview
        own = seats.registrations.active().filter(user=request.user).first()
        if own is not None and own.status == RegistrationStatus.WAITING:
            position = registration.waiting_position(own)
    return {
        "registration": own,
        "waiting_position": position,
        "seats_left": None if seats.capacity is None else max(seats.capacity - seats.confirmed, 0),
        "registration_open": seats.registration_is_open(now),
        "registration_closes": formatting.moment_text(seats.registration_closes_at, event.zone),
        "event_is_past": seats.is_past(now),
        # Django's own log-in redirect builds the link, so it follows
        # settings.LOGIN_URL whichever accounts app provides the page.
        "login_url": redirect_to_login(request.get_full_path())["Location"],
        "can_cancel": own is not None and now < seats.start,
    }


def register(event, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        messages.info(request, _("Log in to register for the event."))
        return redirect_to_login(event.url)
    try:
        result = registration.register(event, request.user, translation.get_language())
    except registration.RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        if result.status == RegistrationStatus.CONFIRMED:
            messages.success(
                request, _("You are registered. We have sent you a confirmation by e-mail.")
            )
        else:
            messages.warning(
                request,
                _(
                    "The event is full, so you are on the waiting list. If a seat "
                    "comes free, it is yours and we will tell you by e-mail."
                ),
            )
    return redirect(event.url)


def cancel(event, request):
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not request.user.is_authenticated:
        return redirect_to_login(event.url)
    try:
        registration.cancel(event, request.user)
    except registration.RegistrationRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Your registration is cancelled."))
    return redirect(event.url)
