"""Replies arriving at the same moment all count: the topic's row lock
makes them queue, so the topic ends with exactly one post per member, the
right reply count and the last post. Likes of one post at once count one
each. Through the web, each member in their own session (PostgreSQL: see
tests/events/test_concurrency.py for why SQLite cannot take concurrent
sessions)."""

import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections
from django.test import Client

from forums.models import Like, Post
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory

MEMBERS = 30

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


def all_at_once(members, action):
    start_together = threading.Barrier(len(members))

    def act(member):
        try:
            browser = Client()
            browser.force_login(member)
            start_together.wait(timeout=60)
            return action(browser, member)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=len(members)) as pool:
        return list(pool.map(act, members, timeout=300))


def test_simultaneous_replies_all_count(migrated_site, forums_ru):
    board = BoardPageFactory(parent=forums_ru, slug="questions")
    topic = ForumTopicFactory(board=board)
    members = [MemberFactory(username=f"replier{number}") for number in range(MEMBERS)]

    answers = all_at_once(
        members,
        lambda browser, member: (
            browser.post(
                f"{board.url}t/{topic.pk}/reply/", {"body": f"Ответ {member.username}"}
            ).status_code
        ),
    )

    assert answers == [302] * MEMBERS
    topic.refresh_from_db()
    replies = Post.objects.filter(topic=topic).exclude(author=topic.author)
    assert replies.count() == MEMBERS == topic.reply_count
    assert topic.last_post == replies.latest("pk")


def test_simultaneous_likes_all_count(migrated_site, forums_ru):
    board = BoardPageFactory(parent=forums_ru, slug="questions")
    topic = ForumTopicFactory(board=board)
    members = [MemberFactory(username=f"liker{number}") for number in range(MEMBERS)]

    all_at_once(
        members,
        lambda browser, member: browser.post(f"{board.url}p/{topic.last_post_id}/like/"),
    )

    assert Like.objects.filter(post=topic.last_post).count() == MEMBERS
