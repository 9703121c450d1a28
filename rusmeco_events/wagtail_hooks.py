"""The events app in the admin and on the home page: the registrations
listing, a "Registrations" button on event pages, the "Upcoming events"
section of the home page, event reports in "What's new", and the
member-data hooks."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button

from home.caching import PAGES, cached
from home.sections import HomeSection
from home.whats_new import WhatsNewEntry, WhatsNewSource
from rusmeco_events import member_data
from rusmeco_events.models import EventIndexPage, EventPage
from rusmeco_events.viewsets import registration_viewset

HOME_EVENTS = 4
HOME_CACHE_SECONDS = 60


@hooks.register("register_admin_viewset")
def register_registration_viewset():
    return registration_viewset


@hooks.register("register_page_header_buttons")
def registrations_button(page, user, view_name, next_url=None):
    if not isinstance(page.specific_deferred, EventPage):
        return
    if not registration_viewset.permission_policy.user_has_permission(user, "view"):
        return
    event = page.specific_deferred.registration_event
    url = reverse(registration_viewset.get_url_name("index")) + f"?event={event.pk}"
    yield Button(_("Registrations"), url, icon_name="group", priority=75)


@hooks.register("register_home_section")
def upcoming_events_section(request, page):
    """The next few events of the home page's language, kept in the cache
    for a minute (and dropped at once when a page is published)."""

    def build():
        events = EventPage.objects.visible(page.locale_id).for_listing(themes=False)
        events = list(events.upcoming(timezone.now())[:HOME_EVENTS])
        calendar_page = (
            EventIndexPage.objects.live().filter(locale_id=page.locale_id).first()
            if events
            else None
        )
        return {"events": events, "calendar_page": calendar_page}

    context = cached(
        f"events:home-upcoming:{page.locale_id}", build, PAGES, timeout=HOME_CACHE_SECONDS
    )
    if not context["events"]:
        return None
    return HomeSection(order=20, template="events/includes/home_upcoming.html", context=context)


@hooks.register("register_whats_new")
def event_reports(locale_id, limit):
    """Events whose report has gone live, by the day it went live."""
    reports = EventPage.objects.visible(locale_id).for_listing(themes=False).reports()
    reports = list(reports[:limit])
    if not reports:
        return None
    calendar_page = EventIndexPage.objects.live().filter(locale_id=locale_id).first()
    return WhatsNewSource(
        entries=[
            WhatsNewEntry(
                date=event.report_published_at,
                title=event.title,
                url=event.url + "#report",
                kind=_("Event report"),
                details=[event.region.name] if event.region else [],
            )
            for event in reports
        ],
        link_label=_("All events"),
        link_url=calendar_page.url if calendar_page else "",
    )


hooks.register("register_member_data_export", member_data.export_registrations)
hooks.register("register_member_data_erasure", member_data.erase_registrations)


@hooks.register("register_region_section")
def region_upcoming_events(request, region_page):
    """A region's page lists the region's next events (two queries)."""
    events = (
        EventPage.objects.visible(region_page.locale_id)
        .filter(region_id=region_page.region_id)
        .for_listing(themes=False)
        .upcoming(timezone.now())
    )
    events = list(events[:HOME_EVENTS])
    if not events:
        return None
    calendar_page = EventIndexPage.objects.live().filter(locale_id=region_page.locale_id).first()
    return HomeSection(
        order=20,
        template="events/includes/home_upcoming.html",
        context={"events": events, "calendar_page": calendar_page},
    )
