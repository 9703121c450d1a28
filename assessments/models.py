"""Self-assessment: the assessment page editors build (dimensions, each
with questions on a scale of described levels and the themes it relates
to) and the results members save.

Anyone may take an assessment; the result is shown from the session. A
member may save it: an AssessmentResult keeps the scores per dimension id
(the dimension's block id, the same in every language), the assessment's
translation key, and the member's region and company sector at that time,
for the peer benchmark and the coordinators' aggregated report. Results are
private to their member; nobody else sees one, only averages of groups of
at least five members.
"""

import hashlib
import json

from django.conf import settings
from django.db import models
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page

from assessments import views
from assessments.blocks import DimensionsBlock
from assessments.scoring import dimensions_of
from community.choices import Sector
from home.caching import TAXONOMY, cached
from home.models.regional import RegionMixin
from home.querysets import PortalPageManager
from library.models import LibraryItemPage
from partnerships.models import ListingPage
from rusmeco_events.models import EventPage

RECOMMENDED = 3  # items of each kind recommended
CACHE_SECONDS = 24 * 60 * 60


class AssessmentPage(RoutablePageMixin, Page):
    """A self-assessment: the questions of each dimension on one form; the
    result with its radar chart, advice, recommendations, the peer
    benchmark and the member's progress; the member's saved results."""

    intro = models.TextField(_("introduction"), blank=True, max_length=1200)
    dimensions = StreamField(DimensionsBlock(), verbose_name=_("dimensions"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro"), FieldPanel("dimensions")]

    objects = PortalPageManager()

    template = "assessments/assessment_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("self-assessment")
        verbose_name_plural = _("self-assessments")

    # --- data the views take -------------------------------------------------

    def dimension_list(self):
        """The dimensions as plain data (assessments/scoring.py), from the
        cache while the page's content and the themes stay as they are:
        reading the themes' slugs costs a query."""
        if not hasattr(self, "_dimension_list"):
            raw = json.dumps(list(self.dimensions.raw_data), sort_keys=True, default=str)
            digest = hashlib.sha256(raw.encode()).hexdigest()[:20]
            self._dimension_list = cached(
                f"assessments:dimensions:{self.pk}:{digest}",
                lambda: dimensions_of(self.dimensions),
                TAXONOMY,
                timeout=CACHE_SECONDS,
            )
        return self._dimension_list

    def results_of(self, user):
        """The member's saved results of this assessment (in any language),
        newest first."""
        return AssessmentResult.objects.filter(
            member=user, assessment_key=self.translation_key
        ).newest()

    def result_and_previous(self, user, result_id):
        """(the member's result `result_id` or None, their result saved
        before it or None): one query."""
        mine = self.results_of(user)
        taken = mine.filter(pk=result_id).values("created_at")[:1]
        found = list(
            mine.filter(created_at__lte=Subquery(taken)).exclude(
                Q(created_at=Subquery(taken)) & Q(pk__gt=result_id)
            )[:2]
        )
        if not found or found[0].pk != result_id:
            return None, None
        return found[0], (found[1] if len(found) > 1 else None)

    def save_result(self, user, scores):
        return AssessmentResult.objects.create_for(user, self.translation_key, scores)

    def peer_scores(self, result, region_key):
        """(region scores, sector scores): the latest results of the other
        members of the result's region (its translation key, the same in
        every language) and of its sector, one query."""
        peers = AssessmentResult.objects.latest_per_member(self.translation_key).exclude(
            member_id=result.member_id
        )
        match = Q(pk__in=[])
        if region_key:
            match |= Q(region__translation_key=region_key)
        if result.sector:
            match |= Q(sector=result.sector)
        rows = list(peers.filter(match).values("scores", "region__translation_key", "sector"))
        region = [
            row["scores"]
            for row in rows
            if region_key and row["region__translation_key"] == region_key
        ]
        sector = [row["scores"] for row in rows if result.sector and row["sector"] == result.sector]
        return region, sector

    def recommendations(self, theme_slugs, now=None):
        """Library items, upcoming events and open partnership listings in
        these themes, in the page's language: three queries."""
        if not theme_slugs:
            return {"library": [], "events": [], "listings": []}
        now = now or timezone.now()
        fields = ("id", "title", "url_path", "path", "depth", "locale_id", "translation_key")
        library = (
            LibraryItemPage.objects.visible(self.locale_id)
            .filter(topics__slug__in=theme_slugs)
            .distinct()
            .newest()
            .only(*fields, "publication_date", "summary")[:RECOMMENDED]
        )
        events = (
            EventPage.objects.visible(self.locale_id)
            .filter(topics__slug__in=theme_slugs)
            .distinct()
            .upcoming(now)
            .only(*fields, "start", "end", "kind")[:RECOMMENDED]
        )
        listings = (
            ListingPage.objects.open(self.locale_id)
            .filter(topics__slug__in=theme_slugs)
            .distinct()
            .order_by("-first_published_at", "-pk")
            .only(*fields, "summary", "listing_type")[:RECOMMENDED]
        )
        return {"library": list(library), "events": list(events), "listings": list(listings)}

    def url_of(self, route, *args, request=None):
        return self.get_url(request) + self.reverse_subpage(route, args=args)

    # --- routes --------------------------------------------------------------

    @path("", name="index")
    def index_route(self, request):
        return views.take(self, request)

    @path("result/", name="result")
    def result_route(self, request):
        return views.session_result(self, request)

    @path("save/", name="save")
    def save_route(self, request):
        return views.save(self, request)

    @path("results/", name="results")
    def results_route(self, request):
        return views.my_results(self, request)

    @path("results/<int:result_id>/", name="saved")
    def saved_route(self, request, result_id):
        return views.saved_result(self, request, result_id)


class AssessmentResultQuerySet(models.QuerySet):
    def newest(self):
        return self.order_by("-created_at", "-pk")

    def latest_per_member(self, assessment_key):
        """Each member's latest result of that assessment: one query."""
        latest = (
            AssessmentResult.objects.filter(
                member_id=OuterRef("member_id"), assessment_key=assessment_key
            )
            .order_by("-created_at", "-pk")
            .values("pk")[:1]
        )
        return self.filter(assessment_key=assessment_key, pk=Subquery(latest))

    def create_for(self, user, assessment_key, scores):
        """A result of `user` with their region (profile) and sector (their
        first company, by name) of now."""
        from community.models import Profile

        profile = Profile.objects.filter(user=user).select_related("region").first()
        sector = ""
        if profile is not None:
            memberships = profile.company_memberships()
            sector = memberships[0].company.sector if memberships else ""
        return self.create(
            member=user,
            assessment_key=assessment_key,
            scores=scores,
            region=profile.region if profile is not None else None,
            sector=sector,
        )


class AssessmentResult(RegionMixin, models.Model):
    """A member's saved result of an assessment."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="assessment_results",
    )
    # The assessment page's translation key: the same result in every language.
    assessment_key = models.UUIDField(_("assessment"), db_index=True)
    scores = models.JSONField(_("scores"), default=dict)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices, blank=True)
    created_at = models.DateTimeField(_("taken"), default=timezone.now, db_index=True)

    objects = AssessmentResultQuerySet.as_manager()

    class Meta:
        verbose_name = _("self-assessment result")
        verbose_name_plural = _("self-assessment results")
        indexes = [models.Index(fields=["assessment_key", "member", "created_at"])]
        permissions = [
            (
                "view_all_aggregates",
                _("Can see the aggregated self-assessment figures of every region"),
            )
        ]

    def __str__(self):
        return f"{self.member_id} {self.created_at:%Y-%m-%d}"
