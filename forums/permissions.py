"""Who may moderate a board: the one place that answers it."""

from home.access import groups_of
from home.terms import terms_of_locale

MODERATORS_GROUP = "Moderators"
EDIT_WINDOW_MINUTES = 30


def can_moderate(user, board):
    """Whether `user` may moderate `board`: superusers, the Moderators
    group and the coordinators of the board's region."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    # The member's groups come from the cache (home/access.py), the board's
    # region from the cached terms: no query on a warm page.
    region = terms_of_locale(board.locale_id).region_of(board)
    coordinators = region.coordinators_id if region is not None else None
    return any(name == MODERATORS_GROUP or pk == coordinators for pk, name in groups_of(user))


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
