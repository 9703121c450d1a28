"""Reading the forums: the index in the menu, a board's topics in every
language, a topic's posts, view counts and what is new for a member."""

import pytest
from django.test import Client
from django.utils import translation

from tests.factories import BoardPageFactory, ForumPostFactory, ForumTopicFactory
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db


def test_forums_index_is_in_the_menu_in_both_languages(board_en, forums_en):
    for language, board_title in [("ru", "Вопросы"), ("en", "Questions")]:
        home = Client().get(f"/{language}/").content.decode()
        assert f'href="/{language}/forums/"' in home
        index = Client().get(f"/{language}/forums/")
        assert index.status_code == 200
        assert f'href="/{language}/forums/questions/"' in index.content.decode()
        assert board_title in index.content.decode()


def test_index_shows_numbers_of_topics_and_posts(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    ForumTopicFactory(board=board_ru, author=anna)
    topic.reply_count = 3
    topic.save()
    with translation.override("ru"):
        page = Client().get("/ru/forums/").content.decode()
    assert "2 темы" in page
    assert "5 сообщений" in page


def test_board_lists_topics_of_every_language_marked_with_their_language(board_en, anna):
    ForumTopicFactory(board=board_en, title="Как защитить патент?", language="ru", author=anna)
    ForumTopicFactory(board=board_en, title="Exporting to Kazakhstan", language="en", author=anna)
    english = Client().get("/en/forums/questions/").content.decode()
    assert "Как защитить патент?" in english and "Exporting to Kazakhstan" in english
    assert 'lang="ru"' in english
    mine = Client().get("/en/forums/questions/?language=mine").content.decode()
    assert "Exporting to Kazakhstan" in mine and "Как защитить патент?" not in mine
    russian = Client().get("/ru/forums/questions/?language=mine").content.decode()
    assert "Как защитить патент?" in russian and "Exporting to Kazakhstan" not in russian


def test_pinned_topics_come_first_then_latest_activity(board_ru, anna):
    old = ForumTopicFactory(board=board_ru, title="Старая закреплённая", author=anna)
    ForumTopicFactory(board=board_ru, title="Свежая", author=anna)
    old.is_pinned = True
    old.save()
    page = Client().get("/ru/forums/questions/").content.decode()
    assert page.index("Старая закреплённая") < page.index("Свежая")


def test_topic_page_counts_views_in_the_database(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Первое **сообщение**")
    for _ in range(2):
        response = Client().get(f"/ru/forums/questions/t/{topic.pk}/")
        assert response.status_code == 200
    topic.refresh_from_db()
    assert topic.view_count == 2
    assert "<strong>сообщение</strong>" in response.content.decode()


def test_topic_of_another_board_is_not_found(forums_ru, board_ru, anna):
    other = BoardPageFactory(parent=forums_ru, slug="other")
    topic = ForumTopicFactory(board=other, author=anna)
    assert Client().get(f"/ru/forums/questions/t/{topic.pk}/").status_code == 404
    assert Client().get(f"/ru/forums/other/t/{topic.pk}/").status_code == 200


def test_new_posts_since_the_last_visit(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    client = logged_in(boris)
    board_page = client.get("/ru/forums/questions/").content.decode()
    assert "Новые сообщения" in board_page
    client.get(f"/ru/forums/questions/t/{topic.pk}/")
    assert "Новые сообщения" not in client.get("/ru/forums/questions/").content.decode()

    reply = ForumPostFactory(topic=topic, author=anna)
    topic.last_post, topic.reply_count = reply, 1
    topic.save()
    assert "Новые сообщения" in client.get("/ru/forums/questions/").content.decode()
    thread = client.get(f"/ru/forums/questions/t/{topic.pk}/").content.decode()
    assert "Перейти к первому непрочитанному" in thread
    jump = f"/ru/forums/questions/t/{topic.pk}/unread/?after={topic.posts.first().pk}"
    assert jump in thread
    assert (
        client.get(jump)["Location"] == f"/ru/forums/questions/t/{topic.pk}/?page=1#post-{reply.pk}"
    )
    # Read now: nothing new, no jump.
    assert "Новые сообщения" not in client.get("/ru/forums/questions/").content.decode()
    again = client.get(f"/ru/forums/questions/t/{topic.pk}/").content.decode()
    assert "Перейти к первому непрочитанному" not in again


def test_visitors_see_no_new_marks_and_a_log_in_link(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    assert "Новые сообщения" not in Client().get("/ru/forums/questions/").content.decode()
    thread = Client().get(f"/ru/forums/questions/t/{topic.pk}/").content.decode()
    assert "Войдите, чтобы ответить" in thread
