"""The home page and the standard content page (About, Contact details,
regional information)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home import routing
from home.blocks import BodyBlock
from home.models.regional import RegionMixin, region_field
from home.routing import CachedViewRestrictionsMixin


class IntroBodyMixin(models.Model):
    """An introduction for listings and the top of the page, and a body of
    shared blocks."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        max_length=600,
        help_text=_("One or two sentences shown at the top of the page and in listings."),
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [FieldPanel("intro"), FieldPanel("body")]
    search_fields = [index.SearchField("intro"), index.SearchField("body")]

    class Meta:
        abstract = True


class HomePage(CachedViewRestrictionsMixin, IntroBodyMixin, Page):
    """The front page of one language: welcome text, the call to join, the
    member benefits, and the sections the content apps contribute ("What's
    new", upcoming events, who's new ...) through the `register_home_section`
    hook (see home/sections.py)."""

    join_title = models.CharField(_("join box title"), max_length=120, blank=True)
    join_text = models.TextField(_("join box text"), blank=True, max_length=600)
    join_button_text = models.CharField(_("join button text"), max_length=60, blank=True)
    join_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("join button leads to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = (
        Page.content_panels
        + IntroBodyMixin.content_panels
        + [
            FieldPanel("join_title"),
            FieldPanel("join_text"),
            FieldPanel("join_button_text"),
            FieldPanel("join_page"),
        ]
    )
    search_fields = Page.search_fields + IntroBodyMixin.search_fields

    template = "home/home_page.html"

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def route(self, request, path_components):
        # The pages below are found with one query once the walk is cached
        # (home/routing.py); Wagtail's walk otherwise.
        if path_components:
            result = routing.route(self, request, path_components)
            if result is not None:
                return result
        return super().route(request, path_components)


class StandardPage(IntroBodyMixin, RegionMixin, Page):
    """A page of text and media: About the project, Contact details,
    regional information."""

    region = region_field(help_text=_("Set for regional information pages."))

    content_panels = (
        Page.content_panels + IntroBodyMixin.content_panels + [RegionMixin.region_panel]
    )
    search_fields = Page.search_fields + IntroBodyMixin.search_fields

    template = "home/standard_page.html"
    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage", "home.FormPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")
