"""Partnership brokerage: the partnerships page of each language and the
listings (offers and requests) that companies publish on it.

A listing is a Wagtail page so that it goes through the regional review of
its region's coordinators (home/workflows.py) and is translated with
wagtail-localize like any other page, but a company's managers write it on
the site, never in the admin. A listing is open while it is visible
(`.visible()`: live, public, not past Wagtail's `expire_at`, which a new
listing gets six months ahead) and its company exists.
"""

import datetime

from django import forms
from django.conf import settings
from django.db import models
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page, PageManager
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from community.choices import Sector
from home.models.regional import RegionalEditMixin, region_field
from home.querysets import PortalPageManager, PortalPageQuerySet
from partnerships import browsing, contacts, feeds, writing
from partnerships.choices import ListingType, Stage
from partnerships.models.interest import Interest

# How long a listing stays open when it is published or renewed.
LISTING_LIFETIME = datetime.timedelta(days=182)


def default_expiry():
    return timezone.now() + LISTING_LIFETIME


class PartnershipsIndexPage(RoutablePageMixin, Page):
    """The partnerships page of one language (/ru/partners/,
    /en/partners/): the open listings, newest first, with their filters."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    objects = PortalPageManager()

    template = "partnerships/partnerships_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["partnerships.ListingPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("partnerships page")
        verbose_name_plural = _("partnerships pages")

    def listings(self):
        """The open listings of this page's language: what browsing, the
        feed and matching narrow down (partnerships/browsing.py)."""
        return ListingPage.objects.open(self.locale_id)

    def url_of(self, route, *args, request=None):
        return self.get_url(request) + self.reverse_subpage(route, args=args)

    def route(self, request, path_components):
        """This page's own routes first (RoutablePageMixin); any other
        address is a listing, its only kind of child, fetched with its own
        fields in one query where Wagtail's routing takes two (the page,
        then its type)."""
        if not path_components or not self.live:
            return super().route(request, path_components)
        try:
            self.resolve_subpage("/" + "/".join(path_components) + "/")
        except Http404:
            listing = ListingPage.objects.child_of(self).filter(slug=path_components[0]).first()
            if listing is None:
                raise
            listing._cached_parent_obj = self
            return listing.route(request, path_components[1:])
        return super().route(request, path_components)

    # Browsing (partnerships/browsing.py, partnerships/feeds.py).

    @path("", name="index")
    def index_route(self, request):
        return browsing.index(self, request)

    @path("feed/", name="feed")
    def feed_route(self, request):
        return feeds.listings(self, request)

    @path("for-you/", name="for_you")
    def for_you_route(self, request):
        return browsing.for_you(self, request)

    # A company's managers write and keep their listings (partnerships/writing.py).

    @path("write/", name="write")
    def write_route(self, request):
        return writing.write(self, request)

    @path("mine/", name="mine")
    def mine_route(self, request):
        return writing.mine(self, request)

    @path("<int:listing_id>/edit/", name="edit")
    def edit_route(self, request, listing_id):
        return writing.edit(self, request, listing_id)

    @path("<int:listing_id>/renew/", name="renew")
    def renew_route(self, request, listing_id):
        return writing.renew(self, request, listing_id)

    # Expressions of interest and their conversations (partnerships/contacts.py).

    def interests(self):
        """Expressions of interest in listings (partnerships/contacts.py
        narrows them down to what the reader may see)."""
        return Interest.objects.all()

    def open_listing(self, listing_id):
        """The open listing of this page with this id, or None."""
        return ListingPage.objects.open().child_of(self).filter(pk=listing_id).first()

    @path("<int:listing_id>/interest/", name="express_interest")
    def express_interest_route(self, request, listing_id):
        return contacts.express_interest(self, request, listing_id)

    @path("contacts/", name="contacts")
    def contacts_route(self, request):
        return contacts.inbox(self, request)

    @path("contacts/<int:interest_id>/", name="contact")
    def contact_route(self, request, interest_id):
        return contacts.conversation(self, request, interest_id)

    # Data for writing (partnerships/writing.py).

    def listings_of_companies(self, company_ids):
        """Every listing of these companies, in every language and state:
        drafts, waiting for review, published and expired."""
        return ListingPage.objects.filter(company_id__in=company_ids)

    def new_listing(self, **fields):
        """A listing to add under this page, in its language, open for
        LISTING_LIFETIME once published."""
        return ListingPage(locale_id=self.locale_id, expire_at=default_expiry(), **fields)

    @staticmethod
    def renewed_expiry():
        return default_expiry()


class ListingQuerySet(PortalPageQuerySet):
    def open(self, locale=None):
        """Listings visitors may see and answer: visible (live, public, not
        expired) and of a company that still exists."""
        return self.visible(locale).filter(company__isnull=False)

    # Browsing and matching (partnerships/browsing.py, partnerships/matching.py).

    def newest(self):
        """Newest first, by the day a listing was first published."""
        return self.order_by("-first_published_at", "-pk")

    def for_cards(self):
        """What a listing's card shows, for any number of listings in two
        queries: the company with the listings, the themes prefetched
        (regions come from the cached terms, home/terms.py)."""
        return self.select_related("company").prefetch_related("topics")

    def filtered(self, listing_type=None, theme=None, sector=None, region=None, stage=None):
        """Narrow down by type, sector and stage (their values) and by
        theme and region (slugs, the same in every language)."""
        listings = self
        if listing_type:
            listings = listings.filter(listing_type=listing_type)
        if sector:
            listings = listings.filter(sector=sector)
        if stage:
            listings = listings.filter(stage=stage)
        if region:
            listings = listings.filter(region__slug=region)
        if theme:
            tagged = ListingPage.topics.through.objects.filter(
                listingpage_id=models.OuterRef("pk"), topic__slug=theme
            )
            listings = listings.filter(models.Exists(tagged))
        return listings

    def theme_counts(self):
        """{theme slug: number of listings} of these listings, one query."""
        counts = dict(
            self.order_by()
            .values_list("topics__slug")
            .annotate(total=models.Count("pk", distinct=True))
        )
        counts.pop(None, None)
        return counts

    def of_companies(self, company_ids):
        return self.filter(company_id__in=company_ids)

    def with_themes(self, theme_slugs):
        """Listings with at least one of these themes (slugs)."""
        tagged = ListingPage.topics.through.objects.filter(
            listingpage_id=models.OuterRef("pk"), topic__slug__in=theme_slugs
        )
        return self.filter(models.Exists(tagged))

    def candidates_for(self, types, theme_slugs, sectors, region_slugs):
        """Listings of `types` ranked roughly in the database by what they
        share with the listings they are matched to: 3 per shared theme
        (`theme_slugs`: slugs, or a subquery of slugs), 2 for a sector, 1
        for a region (`rough_score`). Matching takes the
        best of them and finishes the ranking in Python."""
        shared_themes = (
            ListingPage.topics.through.objects.filter(
                listingpage_id=models.OuterRef("pk"), topic__slug__in=theme_slugs
            )
            .order_by()
            .values("listingpage_id")
            .annotate(total=models.Count("topic__slug", distinct=True))
            .values("total")
        )
        shared = Coalesce(models.Subquery(shared_themes, output_field=models.IntegerField()), 0)
        same_sector = models.Case(
            models.When(sector__in=sectors, then=2), default=0, output_field=models.IntegerField()
        )
        same_region = models.Case(
            models.When(region__slug__in=region_slugs, then=1),
            default=0,
            output_field=models.IntegerField(),
        )
        return (
            self.filter(listing_type__in=types)
            .annotate(rough_score=shared * 3 + same_sector + same_region)
            .order_by("-rough_score", "-first_published_at", "-pk")
        )


ListingManager = PageManager.from_queryset(ListingQuerySet)


class ListingPage(RegionalEditMixin, Page):
    """An offer or request of one company."""

    company = models.ForeignKey(
        "community.Company",
        verbose_name=_("company"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="listings",
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("written by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    listing_type = models.CharField(_("type"), max_length=20, choices=ListingType.choices)
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences shown in the list of partnerships."),
    )
    description = models.TextField(_("description"), max_length=5000)
    sought = models.TextField(_("what is sought"), max_length=1000)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    region = region_field(
        required=True, help_text=_("The review goes to the coordinators of this region.")
    )
    topics = ParentalManyToManyField(
        "home.Topic", verbose_name=_("themes"), blank=True, related_name="listings"
    )

    objects = ListingManager()

    content_panels = Page.content_panels + [
        FieldPanel("company"),
        FieldRowPanel([FieldPanel("listing_type"), FieldPanel("stage"), FieldPanel("sector")]),
        FieldPanel("summary"),
        FieldPanel("description"),
        FieldPanel("sought"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        RegionalEditMixin.region_panel,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("sought"),
        index.FilterField("listing_type"),
        index.FilterField("sector"),
        index.FilterField("stage"),
    ]
    # Members write the text; coordinators translate it. What the listing
    # is about stays the same in every language.
    override_translatable_fields = [
        SynchronizedField("company"),
        SynchronizedField("author"),
        SynchronizedField("listing_type"),
        SynchronizedField("sector"),
        SynchronizedField("stage"),
        SynchronizedField("region"),
        SynchronizedField("topics"),
    ]

    parent_page_types = ["partnerships.PartnershipsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("partnership listing")
        verbose_name_plural = _("partnership listings")

    template = "partnerships/listing_page.html"

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(browsing.listing_context(self, request))
        return context

    @property
    def type_label(self):
        return ListingType(self.listing_type).label
