"""Replies arriving at the same moment all count: the topic's row lock
makes them queue, so 100 members replying together leave exactly one
post each, the right reply count and the last post. 50 likes of one post
at once count one each. Through the web, each member in their own session (PostgreSQL: see
tests/events/test_concurrency.py for why SQLite cannot take concurrent
sessions)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connection, connections
from django.test import Client

from forums.models import Like, Post
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory

REPLIES = 100
LIKES = 50
# Connections left for everything else on the server (other test runs,
# this test's own connection).
SPARE_CONNECTIONS = 10

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def connection_room():
    """How many more connections the server takes now: its max_connections
    (100 here) less those reserved for superusers and those open."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT current_setting('max_connections')::int"
            " - current_setting('superuser_reserved_connections')::int"
            " - (SELECT count(*) FROM pg_stat_activity)"
        )
        return cursor.fetchone()[0]


def all_at_once(members, action):
    """`action(browser, member)` for every member, in a thread each, all
    released together by a barrier. Each request has a connection of its
    own, and the server takes at most about 100 at once, shared with
    anything else running: so that the test never fails for want of a
    connection, at most the room there is (less a spare) are in the
    database at the same moment, and the others queue for a connection,
    as they would behind a server's pool. With 100 members and a server
    of its own, that is about 85 at once."""
    at_once = threading.BoundedSemaphore(
        max(1, min(len(members), connection_room() - SPARE_CONNECTIONS))
    )
    start_together = threading.Barrier(len(members))

    def act(member):
        browser = Client()
        with at_once:
            try:
                browser.force_login(member)
            finally:
                connections.close_all()
        start_together.wait(timeout=60)
        with at_once:
            try:
                return action(browser, member)
            finally:
                connections.close_all()

    with ThreadPoolExecutor(max_workers=len(members)) as pool:
        return list(pool.map(act, members, timeout=300))


def test_simultaneous_replies_all_count(migrated_site, forums_ru):
    board = BoardPageFactory(parent=forums_ru, slug="questions")
    topic = ForumTopicFactory(board=board)
    members = [MemberFactory(username=f"replier{number}") for number in range(REPLIES)]

    answers = all_at_once(
        members,
        lambda browser, member: (
            browser.post(
                f"{board.url}t/{topic.pk}/reply/", {"body": f"Ответ {member.username}"}
            ).status_code
        ),
    )

    assert answers == [302] * REPLIES
    topic.refresh_from_db()
    replies = Post.objects.filter(topic=topic).exclude(author=topic.author)
    assert replies.count() == REPLIES == topic.reply_count
    assert topic.last_post == replies.latest("pk")


def test_simultaneous_likes_all_count(migrated_site, forums_ru):
    board = BoardPageFactory(parent=forums_ru, slug="questions")
    topic = ForumTopicFactory(board=board)
    members = [MemberFactory(username=f"liker{number}") for number in range(LIKES)]

    answers = all_at_once(
        members,
        lambda browser, member: (
            browser.post(f"{board.url}p/{topic.last_post_id}/like/").status_code
        ),
    )

    assert answers == [302] * LIKES

    assert Like.objects.filter(post=topic.last_post).count() == LIKES
