"""The library's pages: the index of one language's library, and its items,
case studies and articles (articles, expert advice, reports).

Both item types share one concrete base, LibraryItemPage, that holds what
listings, filters, feeds and read counts need (type, summary, lead image,
publication date, authors, region, themes). A listing of mixed types is then
one query on the base table, with no per-type `.specific()` queries.
"""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BodyBlock, DocumentLinkBlock
from home.choices import CompanySize
from home.models.regional import RegionalEditMixin, region_field
from home.reads import ReadCountingMixin
from home.routing import CachedViewRestrictionsMixin
from library import feeds, views
from library.admin_forms import LibraryItemForm
from library.choices import ItemType
from library.item_context import item_context
from library.queries import LibraryItemManager

RELATED_ITEMS = 3

ARTICLE_TYPES = [choice for choice in ItemType.choices if choice[0] != ItemType.CASE_STUDY]


class LibraryIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The library of one language: its items newest first, filters by
    theme, type, region and year, a page per theme (/topic/<slug>/) and RSS
    feeds of the whole library and of each theme."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "library/library_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["library.CaseStudyPage", "library.ArticlePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("library")
        verbose_name_plural = _("libraries")

    def items(self):
        """The items of this library that visitors may see: what its views
        and feeds narrow down."""
        return LibraryItemPage.objects.visible(self.locale_id).child_of(self)

    @path("")
    def index_route(self, request):
        return views.index(self, request)

    @path("topic/<slug:slug>/")
    def topic_route(self, request, slug):
        return views.topic(self, request, slug)

    @path("feed/")
    def feed_route(self, request):
        return feeds.all_items(self, request)

    @path("topic/<slug:slug>/feed/")
    def topic_feed_route(self, request, slug):
        return feeds.topic_items(self, request, slug)

    def topic_url(self, topic):
        return subpage_url(self, "topic_route", slug=topic.slug)

    def feed_url(self, topic=None):
        if topic is None:
            return subpage_url(self, "feed_route")
        return subpage_url(self, "topic_feed_route", slug=topic.slug)


def subpage_url_from(library_url, route_name, **kwargs):
    """The URL of one of the routes of the library at `library_url`."""
    return library_url + LibraryIndexPage.get_resolver().reverse(route_name, **kwargs)


def subpage_url(library, route_name, **kwargs):
    return subpage_url_from(library.url, route_name, **kwargs)


class LibraryItemPage(CachedViewRestrictionsMixin, RegionalEditMixin, ReadCountingMixin, Page):
    """What every library item has. Not created directly: editors create a
    case study or an article."""

    item_type = models.CharField(
        _("type"), max_length=20, choices=ItemType.choices, default=ItemType.ARTICLE
    )
    summary = models.TextField(
        _("summary"),
        max_length=400,
        help_text=_("Two or three sentences shown in listings, feeds and at the top of the page."),
    )
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    publication_date = models.DateField(_("publication date"), default=datetime.date.today)
    authors = models.CharField(
        _("authors"),
        max_length=255,
        blank=True,
        help_text=_("Names as they should appear, separated by commas."),
    )
    region = region_field(help_text=_("The review goes to the coordinators of this region."))
    topics = ParentalManyToManyField(
        "home.Topic", verbose_name=_("themes"), blank=True, related_name="library_items"
    )

    objects = LibraryItemManager()

    listing_panels = [
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldRowPanel([FieldPanel("publication_date"), FieldPanel("authors")]),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("authors"),
        index.FilterField("item_type"),
        index.FilterField("publication_date"),
    ]

    base_form_class = LibraryItemForm
    is_creatable = False
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("library item")
        verbose_name_plural = _("library items")
        # Newest first (`.newest()`): listings and related items read the
        # newest items from here and stop after a page, however large the
        # library.
        indexes = [models.Index(fields=["-publication_date"], name="library_item_newest")]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(item_context(self, request))
        return context

    @property
    def type_label(self):
        return ItemType(self.item_type).label

    @property
    def library_url(self):
        """The URL of the item's library, without a query: a page's URL is
        its parent's followed by its own slug."""
        return self.url[: -len(self.slug) - 1]

    def theme_links(self, topics):
        """[(topic, the URL of its theme page in the item's library)], with
        no query."""
        library_url = self.library_url
        return [
            (topic, subpage_url_from(library_url, "topic_route", slug=topic.slug))
            for topic in topics
        ]

    def related_items(self, topics):
        """Up to RELATED_ITEMS other items visible in the page's language on
        one of `topics`, newest first, with their counts: one query."""
        if not topics:
            return []
        # A condition rather than a join on the topics: no duplicates to
        # remove, so the database reads the newest items in order and stops
        # at the third one on these topics.
        on_topics = LibraryItemPage.topics.through.objects.filter(
            libraryitempage_id=OuterRef("pk"),
            topic__translation_key__in=[topic.translation_key for topic in topics],
        )
        related = (
            LibraryItemPage.objects.visible(self.locale_id)
            .newest()
            .filter(Exists(on_topics))
            .exclude(pk=self.pk)
            # Renditions of these few images come from Wagtail's rendition cache.
            .select_related("region", "lead_image")
        )
        return list(related.with_counts()[:RELATED_ITEMS])


class CaseStudyPage(LibraryItemPage):
    """A company's story: its situation, what it did, the results and the
    lessons learned, with slides and reports to download."""

    company_name = models.CharField(_("company"), max_length=200)
    company_sector = models.CharField(_("sector"), max_length=200, blank=True)
    company_size = models.CharField(
        _("size"), max_length=10, choices=CompanySize.choices, blank=True
    )
    company_website = models.URLField(_("website"), blank=True)
    situation = StreamField(BodyBlock(), verbose_name=_("the situation"), blank=True)
    actions = StreamField(BodyBlock(), verbose_name=_("what the company did"), blank=True)
    results = StreamField(BodyBlock(), verbose_name=_("the results"), blank=True)
    lessons = StreamField(BodyBlock(), verbose_name=_("lessons learned"), blank=True)
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        verbose_name=_("documents"),
        blank=True,
        help_text=_("Slides, reports and other files to download."),
    )

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("company_name"),
                FieldRowPanel([FieldPanel("company_sector"), FieldPanel("company_size")]),
                FieldRowPanel([RegionalEditMixin.region_panel, FieldPanel("company_website")]),
            ],
            _("Company"),
        ),
        MultiFieldPanel(LibraryItemPage.listing_panels, _("Listing")),
        FieldPanel("situation"),
        FieldPanel("actions"),
        FieldPanel("results"),
        FieldPanel("lessons"),
        FieldPanel("documents"),
    ]
    search_fields = LibraryItemPage.search_fields + [
        index.SearchField("company_name"),
        index.SearchField("company_sector"),
        index.SearchField("situation"),
        index.SearchField("actions"),
        index.SearchField("results"),
        index.SearchField("lessons"),
    ]

    template = "library/case_study_page.html"
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("case study")
        verbose_name_plural = _("case studies")

    def save(self, *args, **kwargs):
        self.item_type = ItemType.CASE_STUDY
        super().save(*args, **kwargs)

    @property
    def sections(self):
        """The four parts of the story, in order, for the template."""
        return [
            (_("The situation"), self.situation),
            (_("What the company did"), self.actions),
            (_("The results"), self.results),
            (_("Lessons learned"), self.lessons),
        ]


class ArticlePage(LibraryItemPage):
    """An article, a piece of expert advice or a report."""

    body = StreamField(BodyBlock(), verbose_name=_("body"))

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("item_type"), RegionalEditMixin.region_panel]),
        MultiFieldPanel(LibraryItemPage.listing_panels, _("Listing")),
        FieldPanel("body"),
    ]
    search_fields = LibraryItemPage.search_fields + [index.SearchField("body")]

    template = "library/article_page.html"
    parent_page_types = ["library.LibraryIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    def clean(self):
        super().clean()
        if self.item_type == ItemType.CASE_STUDY:
            raise ValidationError({"item_type": _("Case studies have a page type of their own.")})
