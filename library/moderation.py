"""Who may hide and show which comments.

Moderators and the head office's Coordinators (those with django-comments'
"can moderate" permission, library 0002) and superusers moderate every
comment. A region's coordinators moderate the comments on their region's
items and blog posts only: the region of the commented page or post
decides, through the region's own coordinators group
(home/region_roles.py). Every place where a comment can be hidden or shown
asks here: the buttons on the item and post pages and their views
(library/comment_views.py) and the admin's Comments screen
(library/wagtail_hooks.py). What may be commented: library/commentable.py.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Q
from django.db.models.functions import Cast

from home.access import has_permission
from home.region_roles import coordinated_region_slugs, regions_coordinated_by, user_coordinates
from home.workflows import region_of
from library.commentable import commentable_for, commentables

MODERATE_PERMISSION = "django_comments.can_moderate"


def moderates_everywhere(user):
    return has_permission(user, MODERATE_PERMISSION)


def coordinates_a_region(user):
    """Whether `user` coordinates any region (and so moderates there)."""
    if user.is_anonymous or not user.is_active:
        return False
    return bool(coordinated_region_slugs(user))


def can_moderate(user, commented):
    """Whether `user` may hide and show the comments on `commented` (a
    library item or a blog post)."""
    if not user.is_authenticated:
        # Visitors never do: no need to look up the region.
        return False
    return moderates_everywhere(user) or user_coordinates(user, region_of(commented))


def can_moderate_comment(user, comment):
    if moderates_everywhere(user):
        return True
    model = ContentType.objects.get_for_id(comment.content_type_id).model_class()
    entry = commentable_for(model)
    if entry is None or not comment.object_pk.isdigit():
        return False
    commented = model._default_manager.filter(pk=comment.object_pk).select_related("region").first()
    return commented is not None and user_coordinates(user, commented.region)


def comments_moderated_by(user, comments):
    """The comments of the queryset `comments` that `user` may moderate."""
    if moderates_everywhere(user):
        return comments
    regions = regions_coordinated_by(user)
    allowed = Q(pk__in=[])
    for entry in commentables():
        ids = (
            entry.model._default_manager.filter(region__in=regions)
            .annotate(pk_text=Cast("pk", output_field=CharField()))
            .values("pk_text")
        )
        allowed |= Q(content_type__in=entry.content_types(), object_pk__in=ids)
    return comments.filter(allowed)
