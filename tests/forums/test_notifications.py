"""The forums in the notification centre: replies, mentions, likes,
accepted answers and new posts for the followers of a topic or a board;
nobody is told of their own doing, nor of a post they may not see."""

import pytest
from django.test import Client
from django.utils import translation

from forums.models import Post, Topic
from notifications.follows import find, follow
from notifications.models import Notification
from notifications.targets import present
from tests.factories import ForumPostFactory, ForumTopicFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def send(member, url, data):
    client = csrf_client(member)
    return client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client, BOARD)})


def events(member):
    return sorted(Notification.objects.filter(recipient=member).values_list("event", flat=True))


def test_reply_tells_the_topic_author_and_the_members_mentioned(board_ru, anna, boris):
    vera = MemberFactory(username="vera", name="Вера Лебедева", profile__visibility="public")
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "@Вера Лебедева, посмотрите"})
    reply = Post.objects.get(author=boris)
    assert events(anna) == ["reply"]
    assert events(vera) == ["mention"]
    assert events(boris) == []
    notification = Notification.objects.get(recipient=anna)
    assert (notification.actor, notification.target_id) == (boris, reply.pk)


def test_editing_a_post_tells_only_the_members_it_newly_mentions(board_ru, anna, boris):
    vera = MemberFactory(username="vera", name="Вера Лебедева", profile__visibility="public")
    gleb = MemberFactory(username="gleb", name="Глеб Сомов", profile__visibility="public")
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "@Вера Лебедева, посмотрите"})
    reply = Post.objects.get(author=boris)

    send(boris, f"{BOARD}p/{reply.pk}/edit/", {"body": "@Вера Лебедева и @Глеб Сомов, посмотрите"})

    assert "Глеб Сомов" in Post.objects.get(pk=reply.pk).body
    assert events(vera) == ["mention"]
    assert events(gleb) == ["mention"]


def test_own_reply_tells_nobody(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(anna, f"{BOARD}t/{topic.pk}/reply/", {"body": "Дополню"})
    assert not Notification.objects.exists()


def test_likes_are_told_batched_and_accepted_answers(board_ru, anna, boris):
    vera = MemberFactory(username="vera")
    topic = ForumTopicFactory(board=board_ru, author=anna)
    answer = ForumPostFactory(topic=topic, author=boris)
    send(anna, f"{BOARD}p/{answer.pk}/like/", {})
    send(vera, f"{BOARD}p/{answer.pk}/like/", {})
    like = Notification.objects.get(recipient=boris, event="like")
    assert like.count == 2
    send(anna, f"{BOARD}p/{answer.pk}/accept/", {})
    assert events(boris) == ["accepted_answer", "like"]


def test_followers_of_the_board_and_topic_hear_of_new_posts(
    board_en, anna, boris, django_capture_on_commit_callbacks
):
    board_watcher = MemberFactory(username="watcher")
    topic_watcher = MemberFactory(username="reader")
    assert follow(board_watcher, "board", str(board_en.translation_key))
    with django_capture_on_commit_callbacks(execute=True):
        send(anna, f"{BOARD}new/", {"title": "Вопрос", "body": "Текст"})
    assert events(board_watcher) == ["watched_post"]

    topic = Topic.objects.get()
    assert follow(topic_watcher, "topic", str(topic.pk))
    with django_capture_on_commit_callbacks(execute=True):
        send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "Ответ"})
    assert events(board_watcher) == ["watched_post", "watched_post"]
    assert events(topic_watcher) == ["watched_post"]
    # The topic's author hears of the reply once, as a reply.
    assert events(anna) == ["reply"]


def test_a_post_is_shown_in_the_readers_language_and_never_once_deleted(board_en, anna, boris):
    topic = ForumTopicFactory(board=board_en, author=anna)
    post = topic.last_post
    with translation.override("en"):
        shown = present([post], boris)[(Post, post.pk)]
        assert shown.title == topic.title
        assert shown.url == f"/en/forums/questions/p/{post.pk}/"
        assert find("board", str(board_en.translation_key), boris) == board_en
    response = Client().get(shown.url)
    assert response["Location"] == f"/en/forums/questions/t/{topic.pk}/?page=1#post-{post.pk}"
    post.is_deleted = True
    post.save()
    assert present([post], boris) == {}


def test_a_board_taken_offline_hides_its_posts(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    board_ru.unpublish()
    assert present([topic.last_post], boris) == {}
    assert find("topic", str(topic.pk), boris) is None
