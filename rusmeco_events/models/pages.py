"""The event pages: the calendar of events (EventIndexPage), one event
(EventPage) and the learning page with the programme of the coming months
(LearningPage).

The pages hold content and routes; what a route does lives in
rusmeco_events/views.py and feeds.py, so each module keeps one job. This
is the portal's example of a routable page (see "Routable pages" in the
README):

    from rusmeco_events import feeds, views

    @path("archive/", name="archive")
    def archive_route(self, request):
        return views.archive(self, request)

A route method only calls its view (or feed) with the page, the request
and the URL's arguments. The views import no model of their app: they
take their data from the page (`calendar_page.events()`,
`event.registrations`) and narrow it down with queryset methods
(rusmeco_events/queries.py), so the page module imports them at its top.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from home.blocks import BodyBlock
from home.models.regional import RegionalEditMixin, region_field
from home.routing import CachedViewRestrictionsMixin
from rusmeco_events import feeds, times, views
from rusmeco_events.blocks import GalleryBlock, ReportDocumentsBlock, SpeakersBlock
from rusmeco_events.choices import EventKind, TrainingFormat
from rusmeco_events.forms import EventPageForm
from rusmeco_events.queries import EventPageManager

TRAINING_LABELS = {
    TrainingFormat.ONLINE: _("Online training"),
    TrainingFormat.BLENDED: _("Blended training"),
}


class EventIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The events section: upcoming events as a list and as a month
    calendar, filters by region, kind and theme, the archive of past events
    and the iCalendar feeds to subscribe to."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    # The calendar's own routes come before its events' addresses.
    RESERVED_SLUGS = ("archive", "calendar", "feed")

    template = "events/event_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event calendar")
        verbose_name_plural = _("event calendars")

    def events(self):
        """The events of this calendar that visitors may see, shaped for a
        listing: what its views and feeds narrow down."""
        return EventPage.objects.visible(self.locale_id).descendant_of(self).for_listing()

    @path("", name="upcoming")
    def upcoming_route(self, request):
        return views.upcoming(self, request)

    @path("archive/", name="archive")
    def archive_route(self, request):
        return views.archive(self, request)

    @path("calendar/", name="calendar")
    def calendar_route(self, request):
        return views.month(self, request)

    @re_path(r"^calendar/(?P<year>\d{4})-(?P<month>\d{2})/$", name="calendar_month")
    def calendar_month_route(self, request, year, month):
        return views.month(self, request, int(year), int(month))

    @path("feed/", name="feed")
    def feed_route(self, request):
        return feeds.all_events(self, request)

    @path("feed/region/<slug:slug>/", name="region_feed")
    def region_feed_route(self, request, slug):
        return feeds.region_events(self, request, slug)

    @path("feed/theme/<slug:slug>/", name="theme_feed")
    def theme_feed_route(self, request, slug):
        return feeds.theme_events(self, request, slug)


class EventPage(CachedViewRestrictionsMixin, RegionalEditMixin, RoutablePageMixin, Page):
    """One event: a face-to-face event in a region, an online event, or a
    training (online or blended). Members register on the page; after the
    event its report (text, photos, slides) appears here too."""

    kind = models.CharField(_("kind"), max_length=20, choices=EventKind.choices)
    training_format = models.CharField(
        _("training format"),
        max_length=20,
        choices=TrainingFormat.choices,
        blank=True,
        help_text=_("Trainings only. Blended trainings mix online sessions and meetings."),
    )
    start = models.DateTimeField(_("start"), db_index=True)
    end = models.DateTimeField(_("end"), db_index=True)
    region = region_field(
        help_text=_("Required for face-to-face events; its time zone sets the event's times.")
    )
    venue = models.CharField(_("venue"), max_length=200, blank=True)
    address = models.CharField(_("address"), max_length=300, blank=True)
    joining_link = models.URLField(
        _("joining link"),
        blank=True,
        help_text=_("For online parts: shown only to members whose registration is confirmed."),
    )
    summary = models.TextField(
        _("summary"),
        max_length=600,
        blank=True,
        help_text=_("One or two sentences for the calendar and listings."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    speakers = StreamField(SpeakersBlock(), verbose_name=_("speakers"), blank=True)
    topics = ParentalManyToManyField("home.Topic", verbose_name=_("themes"), blank=True)
    capacity = models.PositiveIntegerField(
        _("capacity"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text=_("Number of seats. Leave empty for no limit."),
    )
    registration_deadline = models.DateTimeField(
        _("registration deadline"),
        null=True,
        blank=True,
        help_text=_("Leave empty to take registrations until the event starts."),
    )
    report_body = StreamField(BodyBlock(), verbose_name=_("report"), blank=True)
    report_gallery = StreamField(GalleryBlock(), verbose_name=_("photos"), blank=True)
    report_documents = StreamField(
        ReportDocumentsBlock(), verbose_name=_("slides and documents"), blank=True
    )
    report_published_at = models.DateTimeField(
        _("report published"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("Set when a report is first published on the page."),
    )

    objects = EventPageManager()

    base_form_class = EventPageForm

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("kind"), FieldPanel("training_format")])],
            _("Kind"),
        ),
        MultiFieldPanel(
            [
                HelpPanel(
                    _(
                        "Enter times as local time of the event's region; events "
                        "without a region use Moscow time."
                    )
                ),
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                RegionalEditMixin.region_panel,
            ],
            _("When"),
        ),
        MultiFieldPanel(
            [FieldPanel("venue"), FieldPanel("address"), FieldPanel("joining_link")],
            _("Where"),
        ),
        FieldPanel("summary"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
        FieldPanel("speakers"),
        MultiFieldPanel(
            [FieldPanel("capacity"), FieldPanel("registration_deadline")],
            _("Registration"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("report_body"),
                FieldPanel("report_gallery"),
                FieldPanel("report_documents"),
            ],
            _("Report after the event"),
            classname="collapsed",
        ),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("speakers"),
        index.SearchField("venue"),
        index.SearchField("report_body"),
        index.FilterField("kind"),
        index.FilterField("start"),
    ]
    # Themes are copied to translations as they are (the same Topic rows);
    # pages show them in their own language (see events/terms.py).
    override_translatable_fields = [SynchronizedField("topics")]

    template = "events/event_page.html"
    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    # Validation ------------------------------------------------------------

    def clean(self):
        super().clean()
        errors = {}
        if self.slug in EventIndexPage.RESERVED_SLUGS:
            errors["slug"] = _("The event calendar uses this address itself: choose another slug.")
        if self.start and self.end and self.end <= self.start:
            errors["end"] = _("The end must be after the start.")
        if self.kind == EventKind.TRAINING and not self.training_format:
            errors["training_format"] = _("Choose whether the training is online or blended.")
        if self.kind != EventKind.TRAINING:
            self.training_format = ""
        if self.kind == EventKind.MEETING and not self.region_id:
            errors["region"] = _("A face-to-face event needs its region.")
        if self.start and self.registration_deadline and self.registration_deadline > self.start:
            errors["registration_deadline"] = _(
                "Registration cannot stay open after the event has started."
            )
        if errors:
            raise ValidationError(errors)

    # The report's publication date ------------------------------------------

    @property
    def has_report(self):
        return bool(self.report_body or self.report_gallery or self.report_documents)

    def save(self, *args, **kwargs):
        # Dated once, when a report first goes live, so "What's new" can
        # list reports by the day they appeared.
        if self.live and self.report_published_at is None and self.has_report:
            self.report_published_at = timezone.now()
        return super().save(*args, **kwargs)

    def with_content_json(self, content):
        # Revisions do not carry the report date: keep the live page's.
        page = super().with_content_json(content)
        page.report_published_at = self.report_published_at
        return page

    # Times ------------------------------------------------------------------

    @property
    def zone(self):
        """The time zone the event is shown in: its region's, or Moscow time."""
        return self.region.tzinfo if self.region_id else times.default_zone()

    @property
    def local_start(self):
        return self.start.astimezone(self.zone)

    @property
    def local_end(self):
        return self.end.astimezone(self.zone)

    @property
    def zone_label(self):
        return times.zone_label(self.start, self.zone)

    @property
    def local_days(self):
        return times.local_days(self.start, self.end, self.zone)

    # What kind of event -----------------------------------------------------

    @property
    def meets_in_person(self):
        return self.kind == EventKind.MEETING or (
            self.kind == EventKind.TRAINING and self.training_format == TrainingFormat.BLENDED
        )

    @property
    def meets_online(self):
        """Online events and trainings (online or blended) have online parts:
        a joining link and visitors in other time zones."""
        return self.kind in (EventKind.ONLINE, EventKind.TRAINING)

    @property
    def kind_label(self):
        if self.kind == EventKind.TRAINING and self.training_format:
            return TRAINING_LABELS[self.training_format]
        return self.get_kind_display()

    # Registration -----------------------------------------------------------

    @property
    def registration_closes_at(self):
        if self.registration_deadline and self.registration_deadline < self.start:
            return self.registration_deadline
        return self.start

    def registration_is_open(self, now=None):
        return (now or timezone.now()) < self.registration_closes_at

    def is_past(self, now=None):
        return self.end <= (now or timezone.now())

    @cached_property
    def registration_event(self):
        """The page registrations belong to: the first page of the event's
        translations, so both languages share one list of seats."""
        return (
            EventPage.objects.filter(translation_key=self.translation_key)
            .order_by("pk")
            .only("pk", "capacity", "start", "end", "registration_deadline")
            .first()
        )

    # Routes -----------------------------------------------------------------

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(views.event_context(self, request))
        return context

    @path("register/", name="register")
    def register_route(self, request):
        return views.register(self, request)

    @path("cancel/", name="cancel")
    def cancel_route(self, request):
        return views.cancel(self, request)

    @path("ics/", name="ics")
    def ics_route(self, request):
        return feeds.single_event(self, request)


class LearningPage(Page):
    """Learning: the programme of the coming months, a table of themes
    against online events, face-to-face events and trainings, drawn from the
    events that are scheduled, and the list of upcoming trainings."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    months_ahead = models.PositiveSmallIntegerField(
        _("months ahead"),
        default=6,
        validators=[MinValueValidator(1), MaxValueValidator(24)],
        help_text=_("How many months the programme looks ahead."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("months_ahead"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("intro"), index.SearchField("body")]

    template = "events/learning_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("learning page")
        verbose_name_plural = _("learning pages")

    def get_context(self, request, *args, **kwargs):
        # A programme is asked for by language alone (programme(locale_id,
        # months_ahead)), with no page to reach the events through, so
        # rusmeco_events/programme.py imports EventPage: it is imported when
        # a learning page is shown, once this module is loaded.
        from rusmeco_events.programme import programme_context

        context = super().get_context(request, *args, **kwargs)
        context.update(programme_context(self))
        return context
