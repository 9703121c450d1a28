"""Who may moderate a board: the one place that answers it."""

from home.region_roles import user_coordinates

MODERATORS_GROUP = "Moderators"
EDIT_WINDOW_MINUTES = 30


def can_moderate(user, board):
    """Whether `user` may moderate `board`: superusers, the Moderators
    group and the coordinators of the board's region."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if "_forum_moderator" not in user.__dict__:
        # Remembered for the request: a thread asks once per post.
        user.__dict__["_forum_moderator"] = user.groups.filter(name=MODERATORS_GROUP).exists()
    return user.__dict__["_forum_moderator"] or user_coordinates(user, board.region)


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
