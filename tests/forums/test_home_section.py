""" "Active discussions" on the home page: the topics with the latest posts
of the boards visitors may see, in every language, within the home page's
query budget."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forums import moderation
from forums.wagtail_hooks import forum_discussions
from home.models import SiteSettings
from tests.factories import (
    BoardPageFactory,
    ForumPostFactory,
    ForumTopicFactory,
    MemberFactory,
)
from tests.helpers import warm_queries

pytestmark = pytest.mark.django_db


def test_home_page_shows_active_discussions_in_both_languages(board_en, anna):
    ForumTopicFactory(board=board_en, title="Патент или ноу-хау?", author=anna)
    ForumTopicFactory(board=board_en, title="Export to Kazakhstan", language="en", author=anna)
    for language, heading in [("ru", "Активные обсуждения"), ("en", "Active discussions")]:
        home = Client().get(f"/{language}/").content.decode()
        assert heading in home
        assert "Патент или ноу-хау?" in home and "Export to Kazakhstan" in home
        assert f'href="/{language}/forums/questions/t/' in home


def test_topics_of_a_hidden_board_are_not_shown(forums_ru, board_ru, anna):
    hidden = BoardPageFactory(parent=forums_ru, slug="hidden")
    ForumTopicFactory(board=hidden, title="Скрытая тема", author=anna)
    hidden.unpublish()
    assert "Скрытая тема" not in Client().get("/ru/").content.decode()


def test_a_topic_a_moderator_hides_leaves_the_home_page_at_once(
    board_ru, anna, moderator, django_capture_on_commit_callbacks
):
    topic = ForumTopicFactory(board=board_ru, title="Реклама под видом вопроса", author=anna)
    assert "Реклама под видом вопроса" in Client().get("/ru/").content.decode()
    first_post = topic.posts.earliest("pk")
    with django_capture_on_commit_callbacks(execute=True):
        moderation.hide(moderator, board_ru, first_post, note="спам")
    assert "Реклама под видом вопроса" not in Client().get("/ru/").content.decode()


def test_no_section_without_topics(board_ru):
    assert "Активные обсуждения" not in Client().get("/ru/").content.decode()


def test_the_section_does_not_grow_the_home_page(client, site, board_ru):
    SiteSettings.for_site(site)
    author = MemberFactory()
    ForumTopicFactory(board=board_ru, author=author)
    small = len(warm_queries(client, "/ru/"))
    ForumTopicFactory.create_batch(20, board=board_ru, author=author)
    large = len(warm_queries(client, "/ru/"))
    assert small <= 15
    assert large == small


def test_the_digest_lists_the_weeks_busiest_topics_on_visible_boards(forums_ru, board_en, anna):
    ForumTopicFactory(board=board_en, title="Тихая тема", author=anna)
    busy = ForumTopicFactory(board=board_en, title="Оживлённая тема", author=anna)
    ForumPostFactory.create_batch(3, topic=busy, author=anna)
    hidden_board = BoardPageFactory(parent=forums_ru, slug="hidden")
    hidden = ForumTopicFactory(board=hidden_board, author=anna)
    ForumPostFactory.create_batch(5, topic=hidden, author=anna)
    hidden_board.unpublish()
    now = timezone.now()

    found = forum_discussions(now - datetime.timedelta(days=7), now, 5)

    assert [(item.versions.in_language("ru").title, item.count) for item in found] == [
        ("Оживлённая тема", 4),
        ("Тихая тема", 1),
    ]
    assert found[0].versions.in_language("en").digest_url == (
        f"http://testserver/en/forums/questions/t/{busy.pk}/"
    )
    assert (
        forum_discussions(now - datetime.timedelta(days=14), now - datetime.timedelta(days=7), 5)
        == []
    )
