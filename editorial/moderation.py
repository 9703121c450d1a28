"""Section 4: members' comments on a region's pages and blog posts that wait for a
moderator: not yet public, or flagged by a member since a moderator last
approved them. Comments hidden by a moderator (removed) are dealt with.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    CharField,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    When,
)
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext as _
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import Page

from editorial.regions import page_region_slug, regional_page_types
from editorial.sections import Section
from library.commentable import commentables


def _flagged_since_approval():
    approved_later = CommentFlag.objects.filter(
        comment_id=OuterRef("comment_id"),
        flag=CommentFlag.MODERATOR_APPROVAL,
        flag_date__gte=OuterRef("flag_date"),
    )
    return Exists(
        CommentFlag.objects.filter(
            comment_id=OuterRef("pk"), flag=CommentFlag.SUGGEST_REMOVAL
        ).exclude(Exists(approved_later))
    )


def _other_commented_types():
    """[(content type ids, model)] of what members comment on besides pages
    (blog posts, library/commentable.py), each with a region."""
    return [
        ([content_type.pk for content_type in entry.content_types()], entry.model)
        for entry in commentables()
        if not issubclass(entry.model, Page)
    ]


def comments_to_moderate():
    """Comments on regional pages and blog posts that wait for a moderator,
    with the `region` of their page or post."""
    page_types = [
        content_type.pk
        for content_type in ContentType.objects.get_for_models(*regional_page_types()).values()
    ]
    others = _other_commented_types()
    commented_types = page_types + [pk for types, _model in others for pk in types]
    other_regions = [
        When(
            content_type__in=types,
            then=Subquery(
                model._default_manager.filter(pk=OuterRef("page_pk"))
                .order_by()
                .values("region__slug")[:1]
            ),
        )
        for types, model in others
    ]
    return (
        XtdComment.norel_objects.filter(
            site_id=settings.SITE_ID, is_removed=False, content_type__in=commented_types
        )
        .filter(Q(is_public=False) | _flagged_since_approval())
        # A comment names its object by a text id; the CASE casts only the
        # ids of pages and posts, which are numbers (PostgreSQL would fail
        # on others).
        .annotate(
            page_pk=Case(
                When(content_type__in=commented_types, then=Cast("object_pk", IntegerField())),
                output_field=IntegerField(),
            )
        )
        .annotate(
            region=Case(
                When(content_type__in=page_types, then=page_region_slug(OuterRef("page_pk"))),
                *other_regions,
                output_field=CharField(),
            )
        )
    )


def comments_waiting(region_slugs, user):
    # Only a count and the Comments screen: `user` changes nothing here.
    section = Section(
        key="comments",
        title=_("Comments waiting for moderation"),
        empty=_("No comments are waiting."),
        link_label=_("Open the comments"),
        link_url=reverse("library_comments:index"),
    )
    counts = (
        comments_to_moderate()
        .filter(region__in=region_slugs)
        .values("region")
        .annotate(count=Count("pk"))
        .order_by()
    )
    for row in counts:
        section.add(row["region"], row["count"])
    return section
