"""Who may hide and show which comments.

Moderators and the head office's Coordinators (those with django-comments'
"can moderate" permission, library 0002) and superusers moderate every
comment. A region's coordinators moderate the comments on their region's
items only: the region of the commented page decides, through the region's
own coordinators group (home/region_roles.py). Every place where a comment
can be hidden or shown asks here: the buttons on the item page and their
views (library/comment_views.py) and the admin's Comments screen
(library/wagtail_hooks.py).
"""

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField
from django.db.models.functions import Cast

from home.region_roles import regions_coordinated_by, user_coordinates
from home.workflows import region_of

MODERATE_PERMISSION = "django_comments.can_moderate"


def moderates_everywhere(user):
    return user.is_authenticated and user.has_perm(MODERATE_PERMISSION)


def coordinates_a_region(user):
    """Whether `user` coordinates any region (and so moderates there)."""
    if user.is_anonymous or not user.is_active:
        return False
    # Remembered on the user for the request: the admin menu asks on every
    # screen.
    if "_coordinates_a_region" not in user.__dict__:
        user.__dict__["_coordinates_a_region"] = regions_coordinated_by(user).exists()
    return user.__dict__["_coordinates_a_region"]


def can_moderate(user, page):
    """Whether `user` may hide and show the comments on `page`."""
    return moderates_everywhere(user) or user_coordinates(user, region_of(page))


def library_items():
    # Looked up when asked: the library's page models import this module.
    return apps.get_model("library", "LibraryItemPage")


def can_moderate_comment(user, comment):
    if moderates_everywhere(user):
        return True
    page = (
        library_items()
        .objects.filter(pk=comment.object_pk, content_type=comment.content_type_id)
        .select_related("region")
        .first()
        if comment.object_pk.isdigit()
        else None
    )
    return page is not None and user_coordinates(user, page.region)


def comments_moderated_by(user, comments):
    """The comments of the queryset `comments` that `user` may moderate."""
    if moderates_everywhere(user):
        return comments
    pages = (
        library_items()
        .objects.filter(region__in=regions_coordinated_by(user))
        .annotate(pk_text=Cast("pk", output_field=CharField()))
        .values("pk_text")
    )
    item_types = ContentType.objects.get_for_models(*library_item_types()).values()
    return comments.filter(content_type__in=item_types, object_pk__in=pages)


def library_item_types():
    """The concrete page types of library items: comments name these."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, library_items()) and not model._meta.proxy
    ]
