"""What moderators do to posts and topics, each written in the moderation
log: approve a new member's post, hide and restore posts, dismiss flags,
lock, pin, move and merge topics. Members flag posts here too.

The callers (forums/moderation_views.py on the site, forums/admin_views.py
in the admin) ask forums/permissions.py first. A topic is what its first
post is: approving, hiding or restoring the first post does the same to
the topic. Counts and the last post are recomputed from the published
posts under the topic's row lock, so they stay right whatever order
moderators work in; followers are told of an approved post only then.
"""

from django.apps import apps
from django.db import IntegrityError, transaction

from forums import notices
from forums.choices import ModerationAction, Visibility
from home.caching import Generation
from home.markdown import render_markdown

# Advanced by every moderator's action: lists of topics kept in the cache
# ("Active discussions" on the home page) are built again at once, so a
# hidden, moved or merged topic does not linger there until they expire.
DISCUSSIONS = Generation("forums:discussions")


class AlreadyFlagged(Exception):
    pass


def _log(moderator, action, board_key, topic, post=None, note=""):
    transaction.on_commit(DISCUSSIONS.advance)
    apps.get_model("forums", "ModerationLogEntry").objects.create(
        moderator=moderator,
        action=action,
        board_key=board_key,
        topic=topic,
        topic_title=topic.title,
        post=post,
        note=note,
    )


def recount(topic):
    """Recompute the topic's reply count, last post and last activity from
    its published posts; call it in a transaction holding the topic's row."""
    posts = topic.posts.order_by("pk")
    first = posts.only("pk", "created_at").first()
    published = posts.filter(visibility=Visibility.PUBLISHED)
    last = published.only("pk", "created_at").last() or first
    replies = published.exclude(pk=first.pk).count() if first else 0
    topic.reply_count = replies
    topic.last_post = last
    if last is not None:
        topic.last_activity_at = last.created_at
    topic.save(update_fields=["reply_count", "last_post", "last_activity_at"])


def _locked(topic):
    """The topic's row, locked for this transaction."""
    return type(topic).objects.select_for_update().get(pk=topic.pk)


def _set_post_visibility(post, visibility):
    """Change the post's visibility (and its topic's, when it is the first
    post) and recompute the topic; (the locked topic, whether the post
    is its first)."""
    topic = _locked(post.topic)
    post.visibility = visibility
    post.save(update_fields=["visibility"])
    first_pk = topic.posts.order_by("pk").values_list("pk", flat=True).first()
    if first_pk == post.pk and topic.visibility != visibility:
        topic.visibility = visibility
        topic.save(update_fields=["visibility"])
    recount(topic)
    post.topic = topic
    return topic, first_pk == post.pk


def approve(moderator, board, post, note=""):
    """Publish a post that waited for a moderator and tell whom a new post
    tells. False when the post was not waiting."""
    if post.visibility != Visibility.HELD:
        return False
    with transaction.atomic():
        topic, first = _set_post_visibility(post, Visibility.PUBLISHED)
        post.flags.filter(is_open=True).update(is_open=False)
        _log(moderator, ModerationAction.APPROVE, topic.board_key, topic, post, note)
    mentions = render_markdown(post.body, post.author)[1] if post.author else []
    if first:
        notices.new_topic(board, topic, mentions)
    else:
        notices.new_reply(board, topic, post, mentions)
    return True


def hide(moderator, board, post, note=""):
    """Take a post down (its topic too when it is the first post); its
    open flags are dealt with."""
    if post.visibility == Visibility.HIDDEN:
        return False
    with transaction.atomic():
        topic, _first = _set_post_visibility(post, Visibility.HIDDEN)
        post.flags.filter(is_open=True).update(is_open=False)
        _log(moderator, ModerationAction.HIDE, topic.board_key, topic, post, note)
    return True


def restore(moderator, board, post, note=""):
    """Show a hidden post again."""
    if post.visibility != Visibility.HIDDEN:
        return False
    with transaction.atomic():
        topic, _first = _set_post_visibility(post, Visibility.PUBLISHED)
        _log(moderator, ModerationAction.RESTORE, topic.board_key, topic, post, note)
    return True


def dismiss_flags(moderator, board, post, note=""):
    """The post is fine: its open flags are closed."""
    with transaction.atomic():
        closed = post.flags.filter(is_open=True).update(is_open=False)
        if closed:
            _log(moderator, ModerationAction.DISMISS, post.topic.board_key, post.topic, post, note)
    return bool(closed)


# What a switch of the topic sets, by action.
TOPIC_SWITCHES = {
    ModerationAction.LOCK: ("is_locked", True),
    ModerationAction.UNLOCK: ("is_locked", False),
    ModerationAction.PIN: ("is_pinned", True),
    ModerationAction.UNPIN: ("is_pinned", False),
}


def switch(moderator, board, topic, action, note=""):
    """Lock, unlock, pin or unpin the topic; False when it already was."""
    field, value = TOPIC_SWITCHES[action]
    with transaction.atomic():
        topic = _locked(topic)
        if getattr(topic, field) == value:
            return False
        setattr(topic, field, value)
        topic.save(update_fields=[field])
        _log(moderator, action, topic.board_key, topic, note=note)
    return True


def move(moderator, board, topic, target, note=""):
    """Move the topic to the board `target` (in every language)."""
    if topic.board_key == target.translation_key:
        return False
    with transaction.atomic():
        topic = _locked(topic)
        _log(moderator, ModerationAction.MOVE, topic.board_key, topic, note=note or target.title)
        topic.board_key = target.translation_key
        topic.save(update_fields=["board_key"])
    return True


def merge(moderator, board, topic, into, note=""):
    """Move every post of `topic` into the topic `into` and remove `topic`
    (its address then finds nothing). Raises ValueError for the same topic."""
    if topic.pk == into.pk:
        raise ValueError("a topic cannot be merged into itself")
    with transaction.atomic():
        # Both rows locked, the lower id first, so two merges cannot wait
        # for each other.
        rows = type(topic).objects.select_for_update().filter(pk__in=[topic.pk, into.pk])
        locked = {row.pk: row for row in rows.order_by("pk")}
        topic, into = locked[topic.pk], locked[into.pk]
        topic.posts.update(topic=into)
        _log(
            moderator,
            ModerationAction.MERGE,
            topic.board_key,
            into,
            note=note or topic.title,
        )
        topic.delete()
        recount(into)
    return into


def flag(member, post, reason, note=""):
    """A member's flag on a post; raises AlreadyFlagged the second time."""
    try:
        with transaction.atomic():
            return post.flags.create(member=member, reason=reason, note=note)
    except IntegrityError:
        raise AlreadyFlagged from None


POST_ACTIONS = {
    ModerationAction.APPROVE: approve,
    ModerationAction.HIDE: hide,
    ModerationAction.RESTORE: restore,
    ModerationAction.DISMISS: dismiss_flags,
}


def act_on_post(action, moderator, board, post, note=""):
    """Do `action` (one of POST_ACTIONS) to the post; False when there was
    nothing to do."""
    return POST_ACTIONS[action](moderator, board, post, note)
