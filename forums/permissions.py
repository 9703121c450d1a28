"""Who may moderate a board: the one place that answers it.

Moderators are superusers, the Moderators group (every board) and the
coordinators of a board's region (that region's boards), asked through
home/region_roles.py like every regional right of the portal.
"""

from django.apps import apps

from home.access import groups_of
from home.region_roles import coordinated_region_slugs, user_coordinates
from home.terms import terms_of_locale

MODERATORS_GROUP = "Moderators"
EDIT_WINDOW_MINUTES = 30


def moderates_everywhere(user):
    """Superusers and the Moderators group moderate every board."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # The member's groups come from the cache (home/access.py): no query on
    # a warm page.
    return any(name == MODERATORS_GROUP for _, name in groups_of(user))


def can_moderate(user, board):
    """Whether `user` may moderate `board`: superusers, the Moderators
    group and the coordinators of the board's region."""
    if moderates_everywhere(user):
        return True
    if not user.is_authenticated:
        return False
    # The board's region comes from the cached terms, without a query.
    return user_coordinates(user, terms_of_locale(board.locale_id).region_of(board))


def moderates_somewhere(user):
    """Whether `user` moderates any board (and so opens the admin's
    moderation queue and log)."""
    if moderates_everywhere(user):
        return True
    return user.is_authenticated and bool(coordinated_region_slugs(user))


def moderated_board_keys(user):
    """The translation keys of the boards `user` moderates, as a subquery;
    None when they moderate every board."""
    if moderates_everywhere(user):
        return None
    boards = apps.get_model("forums", "BoardPage").objects
    return boards.filter(region__slug__in=coordinated_region_slugs(user)).values("translation_key")


def can_edit(user, post, board, now):
    """Its author within the edit window, moderators always."""
    if can_moderate(user, board):
        return True
    return (
        user.is_authenticated
        and post.author_id == user.pk
        and not post.is_deleted
        and (now - post.created_at).total_seconds() <= EDIT_WINDOW_MINUTES * 60
    )


def can_delete(user, post, board):
    return can_moderate(user, board) or (user.is_authenticated and post.author_id == user.pk)


def can_accept(user, topic, board):
    """The topic's author or a moderator marks the accepted answer."""
    return can_moderate(user, board) or (user.is_authenticated and topic.author_id == user.pk)
