"""The people directory: one Wagtail page per language whose sub-URLs list
and show member profiles and companies, which live in Django models."""

from django.db import models
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from community import directory
from home.pagination import page_of
from home.querysets import PortalPageManager
from home.terms import terms_of_language

PER_PAGE = 20


class PeopleIndexPage(RoutablePageMixin, Page):
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

    @path("", name="members")
    def members(self, request):
        from community.forms.directory import MemberFilterForm

        terms = terms_of_language()
        form = MemberFilterForm(request.GET, terms=terms)
        filters = form.cleaned_data if form.is_valid() else {}
        profiles = directory.filter_members(directory.member_queryset(request.user), filters)
        page_of_profiles = page_of(request, profiles, PER_PAGE)
        directory.decorate_profiles(page_of_profiles, terms, self, self.get_url(request))
        return self._render(
            request,
            "community/people_index_page.html",
            {"form": form, "profiles": page_of_profiles, "tab": "members"},
        )

    @path("companies/", name="companies")
    def companies(self, request):
        from community.forms.directory import CompanyFilterForm

        terms = terms_of_language()
        form = CompanyFilterForm(request.GET, terms=terms)
        filters = form.cleaned_data if form.is_valid() else {}
        companies = directory.filter_companies(directory.company_queryset(), filters)
        page_of_companies = page_of(request, companies, PER_PAGE)
        directory.decorate_companies(page_of_companies, terms, self, self.get_url(request))
        return self._render(
            request,
            "community/company_list.html",
            {"form": form, "companies": page_of_companies, "tab": "companies"},
        )

    @path("member/<int:pk>/", name="member")
    def member(self, request, pk):
        profile = directory.profile_for_page(pk)
        # A profile the visitor may not see is answered like one that does
        # not exist, so hidden members cannot be discovered by their number.
        if profile is None or not profile.is_visible_to(request.user):
            raise Http404
        index_url = self.get_url(request)
        directory.decorate_profiles([profile], terms_of_language(), self, index_url)
        memberships = directory.profile_companies(profile)
        directory.link_companies([m.company for m in memberships], self, index_url)
        return self._render(
            request,
            "community/member_profile.html",
            {
                "profile": profile,
                "memberships": memberships,
                "languages_spoken": directory.language_names(profile.languages),
                "is_owner": request.user.is_authenticated and request.user.pk == profile.user_id,
            },
        )

    @path("company/<slug:slug>/", name="company")
    def company(self, request, slug):
        company, memberships, hidden = directory.company_with_members(slug, request.user)
        if company is None:
            raise Http404
        index_url = self.get_url(request)
        directory.decorate_companies([company], terms_of_language(), self, index_url)
        directory.link_profiles([m.user.profile for m in memberships], self, index_url)
        return self._render(
            request,
            "community/company_profile.html",
            {
                "company": company,
                "memberships": memberships,
                "hidden_members": hidden,
                "is_manager": company.is_managed_by(request.user),
            },
        )

    def _render(self, request, template, context):
        return render(request, template, {**self.get_context(request), **context})
