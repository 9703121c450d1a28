"""The forums in the notification centre: boards and topics to follow
("board" by the board's translation key, the same in every language;
"topic" by its id) and posts and topics as what notifications point at.

A post or topic is shown only while everyone may see it (public(): not
deleted, not waiting for a moderator, not hidden) and its board is a page
anyone may see; its link leads to the board in the reader's language when
it is translated.
"""

import uuid

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from forums.models import BoardPage, Post, Topic
from notifications.follows import FollowKind, register_follow_kind
from notifications.targets import Shown, register_target


def _uuids(keys):
    valid = []
    for key in keys:
        try:
            valid.append(uuid.UUID(str(key)))
        except ValueError:
            continue
    return valid


def boards_by_key(keys):
    """{translation key: board} of the visible boards among `keys`, in the
    active language where translated. One query."""
    boards = BoardPage.objects.visible().filter(translation_key__in=keys).select_related("locale")
    language = get_language()
    found = {}
    for board in boards:
        if board.translation_key not in found or board.locale.language_code == language:
            found[board.translation_key] = board
    return found


def _find_boards(keys, user):
    return {str(key): board for key, board in boards_by_key(_uuids(keys)).items()}


def _find_topics(keys, user):
    ids = [int(key) for key in keys if str(key).isdigit()]
    topics = list(Topic.objects.public().filter(pk__in=ids))
    boards = boards_by_key({topic.board_key for topic in topics})
    return {str(topic.pk): topic for topic in topics if topic.board_key in boards}


def present_posts(posts, user):
    found = list(
        Post.objects.public().filter(pk__in=[post.pk for post in posts]).select_related("topic")
    )
    boards = boards_by_key({post.topic.board_key for post in found})
    shown = {}
    for post in found:
        board = boards.get(post.topic.board_key)
        if board is not None:
            shown[post.pk] = Shown(post.topic.title, board.post_url(post.pk))
    return shown


def present_topics(topics, user):
    found = list(Topic.objects.public().filter(pk__in=[topic.pk for topic in topics]))
    boards = boards_by_key({topic.board_key for topic in found})
    shown = {}
    for topic in found:
        board = boards.get(topic.board_key)
        if board is not None:
            shown[topic.pk] = Shown(topic.title, board.topic_url(topic.pk))
    return shown


def register():
    register_follow_kind(
        FollowKind(
            "board",
            _("Board"),
            key_of=lambda board: str(board.translation_key),
            find=_find_boards,
        )
    )
    register_follow_kind(
        FollowKind("topic", _("Topic"), key_of=lambda topic: str(topic.pk), find=_find_topics)
    )
    register_target(Post, present_posts, same_for_every_member=True)
    register_target(Topic, present_topics, same_for_every_member=True)
