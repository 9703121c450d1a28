"""Writing in the forums: starting a topic, replying, editing, deleting,
liking and accepting an answer.

A reply locks its topic's row (select_for_update, a row lock on
PostgreSQL) and adds the post, the reply count and the last post in one
transaction, so replies arriving at the same moment all count. The same
text sent twice by the same member within a few seconds (a double click)
makes one post.

A new member's post (`held=True`, forums/newcomers.py decides) is written
as waiting for a moderator: it moves no reply count or last post until a
moderator approves it (forums/moderation.py), and a topic it starts waits
with it.
"""

import datetime

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from forums.choices import Visibility
from home.markdown import render_markdown

DOUBLE_SUBMIT_SECONDS = 10


class TopicLocked(Exception):
    pass


def _recently(now):
    return now - datetime.timedelta(seconds=DOUBLE_SUBMIT_SECONDS)


def _visibility(held):
    return Visibility.HELD if held else Visibility.PUBLISHED


def start_topic(board, author, title, body, language, held=False):
    """(topic, mentions); the topic already made when this is a double
    submit (mentions then empty). A held topic and its first post wait
    for a moderator."""
    now = timezone.now()
    with transaction.atomic():
        earlier = (
            board.topics()
            .filter(author=author, title=title, created_at__gte=_recently(now))
            .first()
        )
        if earlier is not None:
            return earlier, []
        html, mentions = render_markdown(body, author)
        topic = board.topics().create(
            board_key=board.translation_key,
            title=title,
            language=language,
            author=author,
            visibility=_visibility(held),
        )
        post = topic.posts.create(author=author, body=body, html=html, visibility=_visibility(held))
        topic.last_post = post
        topic.last_activity_at = post.created_at
        topic.save(update_fields=["last_post", "last_activity_at"])
    return topic, mentions


def add_reply(topic_queryset, author, body, held=False):
    """(post, mentions, created) for a reply to the topic of
    `topic_queryset` (one topic of a board); raises TopicLocked. A held
    reply waits for a moderator and is not counted yet."""
    now = timezone.now()
    with transaction.atomic():
        topic = topic_queryset.select_for_update().get()
        if topic.is_locked:
            raise TopicLocked
        earlier = topic.posts.filter(
            author=author, body=body, created_at__gte=_recently(now)
        ).first()
        if earlier is not None:
            return earlier, [], False
        html, mentions = render_markdown(body, author)
        post = topic.posts.create(author=author, body=body, html=html, visibility=_visibility(held))
        if held:
            return post, mentions, True
        topic_queryset.update(
            reply_count=F("reply_count") + 1, last_post=post, last_activity_at=post.created_at
        )
    return post, mentions, True


def edit(post, editor, body):
    """Change the post's text, keeping the earlier version."""
    if body == post.body:
        return []
    html, mentions = render_markdown(body, post.author or editor)
    with transaction.atomic():
        post.revisions.create(
            body=post.body,
            html=post.html,
            written_at=post.edited_at or post.created_at,
            edited_by=editor,
        )
        post.body, post.html, post.edited_at = body, html, timezone.now()
        post.save(update_fields=["body", "html", "edited_at"])
    return mentions


def delete(post):
    """The post stays in the thread as "deleted"; its text is kept for
    moderators."""
    post.is_deleted = True
    post.save(update_fields=["is_deleted"])


def toggle_like(post, member):
    """True when the member now likes the post, False when they took
    their like back."""
    with transaction.atomic():
        deleted, _ = post.likes.filter(member=member).delete()
        if deleted:
            return False
        post.likes.get_or_create(member=member)
    return True


def accept(topic, post):
    """Mark `post` as the topic's accepted answer (the topic is solved)."""
    topic.accepted_post = post
    topic.is_solved = True
    topic.save(update_fields=["accepted_post", "is_solved"])
