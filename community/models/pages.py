"""The people directory: one Wagtail page per language whose sub-URLs list
and show member profiles and companies, which live in Django models."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from community.models.companies import Company
from community.models.profiles import Profile
from community.views import people
from home.querysets import PortalPageManager
from home.routing import CachedViewRestrictionsMixin


class PeopleIndexPage(CachedViewRestrictionsMixin, RoutablePageMixin, Page):
    """The people directory ("people" in the menu): members and companies,
    searchable by name and filterable by region, theme and sector, with a
    page for each member and each company. Editors write its introduction;
    the lists respect every member's choice of who may see their profile."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    objects = PortalPageManager()

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    template = "community/people_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("people directory")
        verbose_name_plural = _("people directories")

    def member_profiles(self):
        """Every member profile: what the directory's views narrow down to
        what a visitor may see."""
        return Profile.objects.all()

    def company_profiles(self):
        """Every company, for the directory's views to narrow down."""
        return Company.objects.all()

    @path("", name="members")
    def members(self, request):
        return people.members(self, request)

    @path("companies/", name="companies")
    def companies(self, request):
        return people.companies(self, request)

    @path("member/<int:pk>/", name="member")
    def member(self, request, pk):
        return people.member(self, request, pk)

    @path("company/<slug:slug>/", name="company")
    def company(self, request, slug):
        return people.company(self, request, slug)
