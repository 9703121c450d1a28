"""Section 1: pages waiting for the review of a region's coordinators.

Wagtail's own "Awaiting your review" panel lists everything the user may
approve; this groups the regional review's open tasks by region.
"""

from django.db.models import Case, CharField, F, IntegerField, OuterRef, Subquery, When
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, get_default_page_content_type

from editorial.regions import page_region_slug
from editorial.sections import Row, Section, first_rows
from home.workflows import RegionCoordinatorsTask


def open_reviews():
    """In-progress tasks of the regional review, with the id of their page
    (`page_pk`) and its region (`region`)."""
    page_type = get_default_page_content_type()
    return (
        TaskState.objects.filter(
            status=TaskState.STATUS_IN_PROGRESS,
            task__in=RegionCoordinatorsTask.objects.values("pk"),
        )
        # A workflow state names its object by a text id; only pages' ids
        # are numbers for sure, and the CASE keeps PostgreSQL from casting
        # any other.
        .annotate(
            page_pk=Case(
                When(
                    workflow_state__base_content_type=page_type,
                    then=Cast("workflow_state__object_id", IntegerField()),
                ),
                output_field=IntegerField(),
            )
        )
        .annotate(
            region=page_region_slug(OuterRef("page_pk")),
            # The title as submitted; the page's own if the task has no
            # revision.
            title=Coalesce(
                "revision__object_str",
                Subquery(
                    Page.objects.filter(pk=OuterRef("page_pk")).order_by().values("title")[:1]
                ),
                output_field=CharField(),
            ),
        )
    )


def waiting_for_review(region_slugs, user):
    # Reviewers reach the editor through the task (RegionCoordinatorsTask.
    # user_can_access_editor), so every row links there.
    section = Section(
        key="reviews",
        title=_("Waiting for your review"),
        empty=_("Nothing is waiting for review."),
    )
    rows = first_rows(
        open_reviews().filter(region__in=region_slugs),
        "region",
        order_by=[F("started_at").asc(), F("pk").asc()],
    ).values("region", "total", "page_pk", "title", "started_at")
    for row in rows:
        submitted = formats.date_format(timezone.localtime(row["started_at"]), "DATE_FORMAT")
        section.add(
            row["region"],
            row["total"],
            Row(
                title=row["title"],
                url=reverse("wagtailadmin_pages:edit", args=[row["page_pk"]]),
                note=_("submitted %(date)s") % {"date": submitted},
            ),
        )
    return section
