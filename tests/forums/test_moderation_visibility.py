"""What waits for a moderator or was hidden stays out of everything others
see beyond the thread: the forums index's counts, "Active discussions" on
the home page, the weekly digest and the notification centre."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forums.models import Post, Topic
from forums.wagtail_hooks import forum_discussions
from notifications.follows import find
from notifications.targets import present
from tests.factories import ForumPostFactory, ForumTopicFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(board_ru, anna):
    shown = ForumTopicFactory(board=board_ru, title="Открытая тема", author=anna)
    held = ForumTopicFactory(board=board_ru, title="Тема новичка", author=anna)
    hidden = ForumTopicFactory(board=board_ru, title="Скрытая тема", author=anna)
    for topic, visibility in [(held, "held"), (hidden, "hidden")]:
        ForumPostFactory.create_batch(4, topic=topic, author=anna)
        Topic.objects.filter(pk=topic.pk).update(visibility=visibility)
        Post.objects.filter(topic=topic).update(visibility=visibility)
    return shown, held, hidden


def test_only_public_topics_reach_the_home_page_the_index_and_the_digest(topics):
    shown, held, hidden = topics
    home = Client().get("/ru/").text
    assert "Открытая тема" in home
    assert "Тема новичка" not in home and "Скрытая тема" not in home
    index = Client().get("/ru/forums/")
    assert [board.topic_count for board in index.context["boards"]] == [1]

    now = timezone.now()
    found = forum_discussions(now - datetime.timedelta(days=7), now, 5)
    assert [item.versions.in_language("ru").title for item in found] == ["Открытая тема"]


def test_notifications_show_no_held_or_hidden_post(topics, boris):
    shown, held, hidden = topics
    posts = [shown.last_post, held.last_post, hidden.last_post]
    assert list(present(posts, boris)) == [(Post, shown.last_post.pk)]
    assert find("topic", str(held.pk), boris) is None
    assert find("topic", str(hidden.pk), boris) is None
    assert find("topic", str(shown.pk), boris) == shown
