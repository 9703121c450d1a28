"""Moderating on the site: members flag others' posts once; the board's
moderators (the Moderators group, superusers and the coordinators of the
board's region) hide and restore posts, lock, pin, move and merge topics,
by POST with the CSRF token, each action in the moderation log; ordinary
members, coordinators of another region and visitors may not; bad input
gets a translated message and changes nothing."""

import pytest

from forums.models import Flag, ModerationLogEntry, Post, Topic
from tests.factories import BoardPageFactory, ForumPostFactory, ForumTopicFactory
from tests.helpers import csrf_client, csrf_token

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def send(user, url, data, token=True):
    client = csrf_client(user)
    payload = dict(data)
    if token:
        payload["csrfmiddlewaretoken"] = csrf_token(client, BOARD)
    response = client.post(url, payload)
    response.client = client
    return response


def followed(response):
    return response.client.get(response["Location"]).text


@pytest.fixture
def thread(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna, title="Патент на алгоритм")
    reply = ForumPostFactory(topic=topic, author=boris, body="Реклама наших услуг")
    Topic.objects.filter(pk=topic.pk).update(reply_count=1, last_post=reply)
    topic.refresh_from_db()
    return topic, reply


# --- flags -------------------------------------------------------------------------


def test_a_member_flags_a_post_once(thread, anna):
    topic, reply = thread
    form = csrf_client(anna).get(f"{BOARD}p/{reply.pk}/flag/")
    assert form.status_code == 200 and "Почему этим сообщением" in form.text

    response = send(anna, f"{BOARD}p/{reply.pk}/flag/", {"reason": "spam", "note": "Реклама"})
    assert "Спасибо: модераторы посмотрят сообщение." in followed(response)
    again = send(anna, f"{BOARD}p/{reply.pk}/flag/", {"reason": "abuse"})
    assert "Вы уже пожаловались на это сообщение." in followed(again)

    flag = Flag.objects.get()
    assert (flag.member, flag.post, flag.reason, flag.note, flag.is_open) == (
        anna,
        reply,
        "spam",
        "Реклама",
        True,
    )


def test_flags_refuse_own_posts_bad_reasons_visitors_and_missing_tokens(thread, boris, anna):
    topic, reply = thread
    own = send(boris, f"{BOARD}p/{reply.pk}/flag/", {"reason": "spam"})
    assert "Нельзя пожаловаться на собственное сообщение." in followed(own)
    bad = send(anna, f"{BOARD}p/{reply.pk}/flag/", {"reason": "boring"})
    assert bad.status_code == 200 and "Выберите, почему сообщением" in bad.text
    visitor = csrf_client().get(f"{BOARD}p/{reply.pk}/flag/")
    assert visitor.status_code == 302 and "/accounts/login/" in visitor["Location"]
    assert (
        send(anna, f"{BOARD}p/{reply.pk}/flag/", {"reason": "spam"}, token=False).status_code == 403
    )
    assert send(anna, f"{BOARD}p/999999/flag/", {"reason": "spam"}).status_code == 404
    assert not Flag.objects.exists()


# --- who may moderate --------------------------------------------------------------


@pytest.mark.parametrize("who", ["moderator", "moscow", "admin"])
def test_the_boards_moderators_hide_and_restore_a_post(thread, who, moderator, staff, anna):
    user = moderator if who == "moderator" else staff[who]
    topic, reply = thread
    Flag.objects.create(post=reply, member=anna, reason="spam")

    response = send(user, f"{BOARD}p/{reply.pk}/moderate/", {"action": "hide", "note": "Спам"})

    assert response.status_code == 302
    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.visibility == "hidden"
    assert (topic.reply_count, topic.last_post_id) == (0, topic.posts.order_by("pk")[0].pk)
    assert not Flag.objects.filter(is_open=True).exists()
    assert "Реклама наших услуг" not in csrf_client(anna).get(f"{BOARD}t/{topic.pk}/").text
    assert "Реклама наших услуг" not in csrf_client().get(f"{BOARD}t/{topic.pk}/").text
    seen = csrf_client(user).get(f"{BOARD}t/{topic.pk}/").text
    assert "Реклама наших услуг" in seen and "скрыто модератором" in seen

    send(user, f"{BOARD}p/{reply.pk}/moderate/", {"action": "restore"})
    reply.refresh_from_db()
    topic.refresh_from_db()
    assert reply.visibility == "published" and topic.reply_count == 1
    actions = list(ModerationLogEntry.objects.order_by("pk").values_list("action", "moderator"))
    assert actions == [("hide", user.pk), ("restore", user.pk)]
    assert ModerationLogEntry.objects.order_by("pk").first().note == "Спам"


@pytest.mark.parametrize("who", ["member", "ekaterinburg"])
def test_others_may_not_moderate(thread, who, staff, anna):
    user = anna if who == "member" else staff[who]
    topic, reply = thread
    assert send(user, f"{BOARD}p/{reply.pk}/moderate/", {"action": "hide"}).status_code == 403
    assert send(user, f"{BOARD}t/{topic.pk}/moderate/", {"action": "lock"}).status_code == 403
    assert Post.objects.get(pk=reply.pk).visibility == "published"
    assert not Topic.objects.get(pk=topic.pk).is_locked
    assert not ModerationLogEntry.objects.exists()


def test_visitors_log_in_first_and_get_is_refused(thread, moderator):
    topic, reply = thread
    visitor = csrf_client().post(f"{BOARD}p/{reply.pk}/moderate/", {"action": "hide"})
    assert visitor.status_code in (302, 403)
    assert csrf_client(moderator).get(f"{BOARD}t/{topic.pk}/moderate/").status_code == 405
    assert not ModerationLogEntry.objects.exists()


def test_moderating_needs_the_csrf_token(thread, moderator):
    topic, reply = thread
    response = send(moderator, f"{BOARD}p/{reply.pk}/moderate/", {"action": "hide"}, token=False)
    assert response.status_code == 403
    assert Post.objects.get(pk=reply.pk).visibility == "published"


# --- topics ------------------------------------------------------------------------


def test_lock_unlock_pin_unpin(thread, moderator, anna):
    topic, _reply = thread
    url = f"{BOARD}t/{topic.pk}/moderate/"
    response = send(moderator, url, {"action": "lock"})
    assert "Тема закрыта." in followed(response)
    send(moderator, url, {"action": "pin"})
    topic.refresh_from_db()
    assert topic.is_locked and topic.is_pinned
    assert (
        "новые ответы в ней оставить нельзя" in csrf_client(anna).get(f"{BOARD}t/{topic.pk}/").text
    )
    again = send(moderator, url, {"action": "lock"})
    assert "Ничего не изменилось" in followed(again)
    send(moderator, url, {"action": "unlock"})
    send(moderator, url, {"action": "unpin"})
    topic.refresh_from_db()
    assert not topic.is_locked and not topic.is_pinned
    assert list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True)) == [
        "lock",
        "pin",
        "unlock",
        "unpin",
    ]


def test_moving_a_topic_to_another_board(thread, moderator, forums_ru):
    topic, _reply = thread
    other = BoardPageFactory(parent=forums_ru, slug="export", title="Экспорт")
    page = csrf_client(moderator).get(f"{BOARD}t/{topic.pk}/").text
    assert "Экспорт" in page

    response = send(
        moderator, f"{BOARD}t/{topic.pk}/moderate/", {"action": "move", "board": other.pk}
    )

    assert response["Location"] == f"/ru/forums/export/t/{topic.pk}/"
    topic.refresh_from_db()
    assert topic.board_key == other.translation_key
    assert csrf_client().get(f"{BOARD}t/{topic.pk}/").status_code == 404
    assert csrf_client().get(f"/ru/forums/export/t/{topic.pk}/").status_code == 200
    assert ModerationLogEntry.objects.get().action == "move"


def test_a_coordinator_moves_only_to_boards_they_moderate(thread, staff, forums_ru, regions):
    topic, _reply = thread
    other = BoardPageFactory(parent=forums_ru, slug="ural", region=regions["ekaterinburg"])
    response = send(
        staff["moscow"], f"{BOARD}t/{topic.pk}/moderate/", {"action": "move", "board": other.pk}
    )
    assert "Переносить темы можно только в разделы" in followed(response)
    assert Topic.objects.get(pk=topic.pk).board_key != other.translation_key


@pytest.mark.parametrize(
    "data, message",
    [
        ({"action": "move", "board": "999999"}, "Такого раздела для переноса темы нет."),
        ({"action": "move"}, "Выберите раздел, в который перенести тему."),
        ({"action": "move", "board": "абв"}, "Выберите раздел, в который перенести тему."),
        ({"action": "merge", "into": "999999"}, "В этом разделе нет темы с таким номером."),
        ({"action": "merge", "into": "-3"}, "Укажите номер темы, с которой объединить эту."),
        ({"action": "explode"}, "Такого действия модерации нет."),
    ],
)
def test_bad_topic_moderation_is_refused_with_a_message(thread, moderator, data, message):
    topic, _reply = thread
    board_key = topic.board_key
    response = send(moderator, f"{BOARD}t/{topic.pk}/moderate/", data)
    assert message in followed(response)
    assert Topic.objects.get(pk=topic.pk).board_key == board_key
    assert not ModerationLogEntry.objects.exists()


def test_merging_a_topic_into_itself_is_refused(thread, moderator):
    topic, _reply = thread
    response = send(
        moderator, f"{BOARD}t/{topic.pk}/moderate/", {"action": "merge", "into": topic.pk}
    )
    assert "Тему нельзя объединить с самой собой." in followed(response)
    assert Topic.objects.filter(pk=topic.pk).exists()
    assert not ModerationLogEntry.objects.exists()


def test_unknown_posts_and_topics_are_not_found(board_ru, moderator):
    assert send(moderator, f"{BOARD}p/999999/moderate/", {"action": "hide"}).status_code == 404
    assert send(moderator, f"{BOARD}t/999999/moderate/", {"action": "lock"}).status_code == 404
    assert not ModerationLogEntry.objects.exists()


def test_merging_moves_the_posts_and_recounts(thread, moderator, board_ru, anna, boris):
    topic, reply = thread
    other = ForumTopicFactory(board=board_ru, author=boris, title="Патенты: повтор")
    extra = ForumPostFactory(topic=other, author=anna, body="Тоже интересно")

    response = send(
        moderator, f"{BOARD}t/{other.pk}/moderate/", {"action": "merge", "into": topic.pk}
    )

    assert response["Location"] == f"{BOARD}t/{topic.pk}/"
    assert not Topic.objects.filter(pk=other.pk).exists()
    assert csrf_client().get(f"{BOARD}t/{other.pk}/").status_code == 404
    topic.refresh_from_db()
    assert topic.posts.count() == 4
    assert (topic.reply_count, topic.last_post_id) == (3, extra.pk)
    page = csrf_client().get(f"{BOARD}t/{topic.pk}/").text
    assert "Тоже интересно" in page and "Реклама наших услуг" in page
    entry = ModerationLogEntry.objects.get()
    assert (entry.action, entry.topic, entry.note) == ("merge", topic, "Патенты: повтор")
