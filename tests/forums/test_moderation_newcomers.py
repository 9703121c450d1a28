"""A new member's first posts wait for a moderator: the author sees them
in the thread marked "waiting for a moderator", others do not, and
counts, last posts and notifications wait for the approval. New members
may put only a few links in a post, and every member's posting rate is
limited; a refusal says why in Russian and saves nothing."""

import pytest

from forums.models import ModerationLogEntry, Post, Topic
from notifications.models import Notification
from tests.factories import ForumPostFactory, ForumTopicFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"
WAITING = "ждёт модератора"


@pytest.fixture(autouse=True)
def held_for_new_members(settings):
    settings.FORUM_POSTS_HELD_FOR_NEW_MEMBERS = 3
    settings.FORUM_LINKS_FOR_NEW_MEMBERS = 2


def send(member, url, data):
    client = csrf_client(member)
    response = client.post(url, {**data, "csrfmiddlewaretoken": csrf_token(client, BOARD)})
    response.client = client
    return response


def followed(response):
    """The page the response leads to, in the same browser."""
    return response.client.get(response["Location"]).text


def reader(member=None):
    return csrf_client(member)


def published_posts(member, board, number):
    topic = ForumTopicFactory(board=board, author=member)
    for _ in range(number - 1):
        ForumPostFactory(topic=topic, author=member)
    return topic


def test_a_new_members_reply_waits_and_only_they_see_it(board_ru, anna, boris, moderator):
    topic = ForumTopicFactory(board=board_ru, author=anna, title="Патенты")
    before = Topic.objects.get(pk=topic.pk)

    response = send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "Мой первый ответ"})

    reply = Post.objects.get(author=boris)
    assert reply.visibility == "held"
    assert response.status_code == 302
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_post_id) == (0, before.last_post_id)
    assert not Notification.objects.filter(recipient=anna).exists()

    own = followed(response)
    assert "Мой первый ответ" in own and WAITING in own
    assert "Первые сообщения новых участников ждут модератора" in own
    for other in (reader(anna), reader()):
        page = other.get(f"{BOARD}t/{topic.pk}/").text
        assert "Мой первый ответ" not in page
    shown_to_moderator = reader(moderator).get(f"{BOARD}t/{topic.pk}/").text
    assert "Мой первый ответ" in shown_to_moderator and WAITING in shown_to_moderator
    # A lasting link to the post finds nothing for others.
    assert reader(anna).get(f"{BOARD}p/{reply.pk}/").status_code == 404


def test_approving_a_reply_counts_it_and_tells_the_topic_author(board_ru, anna, boris, moderator):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "Ответ новичка"})
    reply = Post.objects.get(author=boris)

    response = send(moderator, f"{BOARD}p/{reply.pk}/moderate/", {"action": "approve"})

    assert response.status_code == 302
    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.visibility == "published"
    assert (topic.reply_count, topic.last_post_id) == (1, reply.pk)
    assert Notification.objects.filter(recipient=anna, event="reply").count() == 1
    assert "Ответ новичка" in reader().get(f"{BOARD}t/{topic.pk}/").text
    entry = ModerationLogEntry.objects.get()
    assert (entry.moderator, entry.action, entry.post) == (moderator, "approve", reply)


def test_a_new_members_topic_waits_with_its_first_post(board_ru, anna, moderator):
    send(anna, f"{BOARD}new/", {"title": "Вопрос новичка", "body": "Как начать?"})
    topic = Topic.objects.get()
    assert topic.visibility == "held"
    assert topic.posts.get().visibility == "held"

    assert "Вопрос новичка" in reader(anna).get(BOARD).text
    assert reader(anna).get(f"{BOARD}t/{topic.pk}/").status_code == 200
    for other in (reader(MemberFactory()), reader()):
        assert "Вопрос новичка" not in other.get(BOARD).text
        assert other.get(f"{BOARD}t/{topic.pk}/").status_code == 404
    assert "Вопрос новичка" not in reader().get("/ru/").text

    send(moderator, f"{BOARD}p/{topic.last_post_id}/moderate/", {"action": "approve"})

    topic.refresh_from_db()
    assert topic.visibility == "published"
    assert "Вопрос новичка" in reader().get(BOARD).text


def test_after_three_published_posts_a_member_is_not_held(board_ru, anna):
    topic = published_posts(anna, board_ru, 3)
    send(anna, f"{BOARD}t/{topic.pk}/reply/", {"body": "Уже не новичок"})
    assert Post.objects.get(body="Уже не новичок").visibility == "published"


def test_moderators_are_never_held(board_ru, anna, staff):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(staff["moscow"], f"{BOARD}t/{topic.pk}/reply/", {"body": "Ответ координатора"})
    assert Post.objects.get(body="Ответ координатора").visibility == "published"


def test_new_members_may_post_only_two_links(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    body = "Смотрите https://a.example, [тут](https://b.example) и www.c.example"

    response = send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": body})

    assert response.status_code == 200
    assert "Новые участники могут вставить в сообщение не больше 2 ссылок." in response.text
    assert not Post.objects.filter(author=boris).exists()
    two = "Смотрите https://a.example и https://b.example"
    assert send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": two}).status_code == 302


def test_members_who_are_not_new_may_post_more_links(board_ru, anna):
    topic = published_posts(anna, board_ru, 3)
    body = "https://a.example https://b.example https://c.example"
    assert send(anna, f"{BOARD}t/{topic.pk}/reply/", {"body": body}).status_code == 302
    assert Post.objects.filter(body=body).exists()


def test_posting_too_often_is_refused_and_saves_nothing(board_ru, anna, settings):
    settings.FORUM_POSTS_HELD_FOR_NEW_MEMBERS = 0
    topic = ForumTopicFactory(board=board_ru, author=anna)
    client = csrf_client(anna)
    token = csrf_token(client, BOARD)
    for number in range(5):
        response = client.post(
            f"{BOARD}t/{topic.pk}/reply/", {"body": f"Ответ {number}", "csrfmiddlewaretoken": token}
        )
        assert response.status_code == 302

    response = client.post(
        f"{BOARD}t/{topic.pk}/reply/", {"body": "Шестой", "csrfmiddlewaretoken": token}
    )

    assert response.status_code == 200
    assert "Вы написали несколько сообщений за короткое время" in response.text
    assert not Post.objects.filter(body="Шестой").exists()
    refused = client.post(
        f"{BOARD}new/", {"title": "Тема", "body": "Текст", "csrfmiddlewaretoken": token}
    )
    assert "Вы написали несколько сообщений за короткое время" in refused.text
    assert not Topic.objects.filter(title="Тема").exists()
    # A preview is not a post and is not counted.
    preview = client.post(
        f"{BOARD}t/{topic.pk}/reply/",
        {"body": "Черновик", "preview": "1", "csrfmiddlewaretoken": token},
    )
    assert preview.status_code == 200
    assert "Вы написали несколько сообщений" not in preview.text


def test_editing_keeps_the_link_limit_and_a_held_post_tells_no_mention(board_ru, anna, boris):
    vera = MemberFactory(username="vera", name="Вера Лебедева", profile__visibility="public")
    topic = ForumTopicFactory(board=board_ru, author=anna)
    send(boris, f"{BOARD}t/{topic.pk}/reply/", {"body": "Первый ответ"})
    reply = Post.objects.get(author=boris)

    links = "https://a.example https://b.example https://c.example"
    refused = send(boris, f"{BOARD}p/{reply.pk}/edit/", {"body": links})
    assert "не больше 2 ссылок" in refused.text
    send(boris, f"{BOARD}p/{reply.pk}/edit/", {"body": "@Вера Лебедева, посмотрите"})

    reply.refresh_from_db()
    assert reply.body == "@Вера Лебедева, посмотрите" and reply.visibility == "held"
    assert not Notification.objects.filter(recipient=vera).exists()
