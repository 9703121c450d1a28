"""The regional centres and their news: one RegionIndexPage per language
("Regions" in the menu), a RegionPage per region (the region's
introduction, the contacts of its regional centre, its latest news, its
upcoming events and its case studies) and NewsPage under a region.

A region's coordinators edit and publish everything under their region's
page (community/permissions.py gives their group the page permissions on
it); news takes its region from the region page it is written under, so
the regional review (home/workflows.py) sends it to the right coordinators.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from community import feeds, regional
from community.queries import NewsPageManager
from home.blocks import BodyBlock, ImageWithCaptionBlock
from home.models.regional import RegionMixin, region_field
from home.querysets import PortalPageManager
from home.reads import ReadCountingMixin

NEWS_ON_REGION_PAGE = 5


class RegionIndexPage(RoutablePageMixin, Page):
    """The three regional centres, and the news feed of all of them."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "community/region_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["community.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("regions page")
        verbose_name_plural = _("regions pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region_pages = RegionPage.objects.child_of(self).visible().select_related("region")
        news = NewsPage.objects.visible(self.locale_id).newest_first().for_listing()
        context["region_pages"] = list(region_pages)
        context["news"] = list(news[:NEWS_ON_REGION_PAGE])
        return context

    def news(self):
        """The regional news under this page that visitors may see: what
        its feeds narrow down."""
        return NewsPage.objects.visible(self.locale_id).descendant_of(self)

    @path("feed/", name="feed")
    def feed_route(self, request):
        return feeds.all_news(self, request)


class RegionPage(RegionMixin, RoutablePageMixin, Page):
    region = region_field(required=True)
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    centre_name = models.CharField(_("regional centre"), max_length=200, blank=True)
    centre_address = models.CharField(_("address"), max_length=300, blank=True)
    centre_phone = models.CharField(_("phone"), max_length=40, blank=True)
    centre_email = models.EmailField(_("e-mail"), blank=True)
    centre_website = models.URLField(_("website"), blank=True)

    objects = PortalPageManager()

    content_panels = Page.content_panels + [
        RegionMixin.region_panel,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("centre_name"),
                FieldPanel("centre_address"),
                FieldRowPanel([FieldPanel("centre_phone"), FieldPanel("centre_email")]),
                FieldPanel("centre_website"),
            ],
            heading=_("Contacts of the regional centre"),
        ),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("body"),
        index.FilterField("region"),
    ]

    template = "community/region_page.html"
    parent_page_types = ["community.RegionIndexPage"]
    subpage_types = ["community.NewsPage"]

    class Meta:
        verbose_name = _("region page")
        verbose_name_plural = _("region pages")

    def clean(self):
        super().clean()
        if self.region_id and self.region.locale_id != self.locale_id:
            raise ValidationError({"region": _("Choose the region in the language of this page.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(regional.region_page_parts(request, self, NEWS_ON_REGION_PAGE))
        return context

    def latest_news(self, limit):
        """The region's newest news that visitors may see, as lists show them."""
        news = NewsPage.objects.visible(self.locale_id).child_of(self)
        return list(news.newest_first().for_listing()[:limit])

    @path("feed/", name="feed")
    def feed_route(self, request):
        return feeds.region_news(self, request)


class NewsPage(RegionMixin, ReadCountingMixin, Page):
    """Regional news: written under a region's page, whose region it takes."""

    date = models.DateField(_("date"), default=datetime.date.today)
    author = models.CharField(_("author"), max_length=200, blank=True)
    summary = models.TextField(_("summary"), max_length=400, blank=True)
    lead_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)
    gallery = StreamField(
        [("image", ImageWithCaptionBlock())], verbose_name=_("photo gallery"), blank=True
    )
    # Set from the region page above on every save; not edited by hand.
    region = region_field(editable=False)

    content_panels = Page.content_panels + [
        FieldRowPanel([FieldPanel("date"), FieldPanel("author")]),
        FieldPanel("summary"),
        FieldPanel("lead_image"),
        FieldPanel("body"),
        FieldPanel("gallery"),
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("body"),
        index.SearchField("author"),
        index.FilterField("region"),
        index.FilterField("date"),
    ]

    template = "community/news_page.html"
    parent_page_types = ["community.RegionPage"]
    subpage_types = []

    objects = NewsPageManager()

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news")

    def save(self, *args, **kwargs):
        parent = self.get_parent() if self.path else None
        if parent is not None and isinstance(parent.specific_deferred, RegionPage):
            self.region_id = parent.specific_deferred.region_id
        return super().save(*args, **kwargs)
