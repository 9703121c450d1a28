"""Who may moderate a board: the one place that answers it."""

from django.db.models import Q

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
    remembered = user.__dict__.setdefault("_forum_moderator", {})
    if board.pk not in remembered:
        # One query, remembered for the request (a thread asks once per
        # post); the board's region comes from the cached terms.
        region = terms_of_locale(board.locale_id).region_of(board)
        coordinators = region.coordinators_id if region is not None else None
        remembered[board.pk] = user.groups.filter(
            Q(name=MODERATORS_GROUP) | Q(pk=coordinators)
        ).exists()
    return remembered[board.pk]


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
