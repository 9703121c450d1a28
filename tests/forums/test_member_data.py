"""The forums in "My data": a member's export holds their topics, posts,
likes and reading state; deleting the account keeps their topics and
posts, shown as by a "deleted member" in both languages, and removes
their likes, reading state and blog posts."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from blogs.models import BlogPost
from forums.models import Like, Post, Topic, TopicRead
from tests.factories import PASSWORD, BlogPostFactory, ForumPostFactory, ForumTopicFactory
from tests.helpers import logged_in

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def test_export_holds_topics_posts_likes_and_reading_state(board_ru, anna, boris, people_ru):
    topic = ForumTopicFactory(board=board_ru, author=anna, title="Патент", first_post="Вопрос")
    answer = ForumPostFactory(topic=topic, author=boris, body="Ответ Бориса")
    other = ForumTopicFactory(board=board_ru, author=boris, title="Экспорт")
    ForumPostFactory(topic=other, author=anna, body="Мой ответ")
    Like.objects.create(post=answer, member=anna)
    client = logged_in(anna)
    client.get(f"{BOARD}t/{other.pk}/")  # reading state

    data = client.get("/ru/accounts/data/export/").json()["forums"]

    assert [(t["title"], t["board"]) for t in data["topics"]] == [("Патент", board_ru.title)]
    assert [(p["topic"], p["text"], p["board"]) for p in data["posts"]] == [
        ("Патент", "Вопрос", board_ru.title),
        ("Экспорт", "Мой ответ", board_ru.title),
    ]
    assert data["posts"][0]["created_at"]
    assert [(like["topic"], like["post"]) for like in data["likes"]] == [("Патент", answer.pk)]
    reading = [(read["topic"], read["last_read_post"]) for read in data["reading"]]
    assert reading == [("Экспорт", other.last_post_id)]
    assert "Ответ Бориса" not in str(data)


def test_export_of_a_member_who_never_wrote_is_empty(anna, people_ru):
    data = logged_in(anna).get("/ru/accounts/data/export/").json()

    assert data["forums"] == {"topics": [], "posts": [], "likes": [], "reading": []}
    assert data["blog_posts"] == []


@pytest.mark.parametrize("language, name", [("ru", "удалённый участник"), ("en", "deleted member")])
def test_deleting_the_account_keeps_posts_as_by_a_deleted_member(
    board_en, anna, boris, people_ru, language, name
):
    topic = ForumTopicFactory(board=board_en, author=anna, title="Патент", first_post="Вопрос")
    answer = ForumPostFactory(topic=topic, author=boris, body="Ответ")
    Like.objects.create(post=answer, member=anna)
    logged_in(anna).get(f"{BOARD}t/{topic.pk}/")
    assert TopicRead.objects.filter(member=anna).exists()
    BlogPostFactory(author=anna, title="Моя заметка")

    response = logged_in(anna).post(
        "/ru/accounts/data/delete/", {"password": PASSWORD, "confirm": "on"}
    )

    assert response.status_code == 302
    assert not get_user_model().objects.filter(username="anna").exists()
    topic.refresh_from_db()
    assert topic.author is None and Post.objects.filter(topic=topic).count() == 2
    assert Post.objects.get(body="Вопрос").author is None
    assert not Like.objects.exists() and not TopicRead.objects.exists()
    assert not BlogPost.objects.exists()
    board = f"/{language}/forums/questions/"
    thread = Client().get(f"{board}t/{topic.pk}/").text
    assert f'<span class="post-author">{name}</span>' in thread
    assert "Вопрос" in thread
    # The board's last post is Boris's answer; once his account goes too,
    # the listing names a deleted member.
    Topic.objects.filter(pk=topic.pk).update(last_post=Post.objects.get(body="Вопрос"))
    assert f"{name},\n" in Client().get(board).text
