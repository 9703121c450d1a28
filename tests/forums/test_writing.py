"""Writing in the forums: new topics with a preview, replies, edits,
deletions, likes and accepted answers, by the right member, another
member and a visitor, with CSRF enforced and bad input refused."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone

from forums.models import Like, Post, Topic
from tests.factories import BoardPageFactory, ForumPostFactory, ForumTopicFactory
from tests.helpers import csrf_client, csrf_token, inline_code, logged_in

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def post_form(client, url, data, page=BOARD):
    """POST `data` to `url` with the CSRF token a page of the board set."""
    token = csrf_token(client, page)
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def test_new_topic_with_preview_then_post(board_ru, anna, boris):
    client = csrf_client(anna)
    preview = post_form(
        client,
        f"{BOARD}new/",
        {"title": "Патент", "body": "Как **быть**, @Борис Орлов?", "preview": "1"},
    )
    assert preview.status_code == 200
    assert "<strong>быть</strong>" in preview.content.decode()
    assert 'class="mention"' in preview.content.decode()
    assert not Topic.objects.exists()

    response = post_form(client, f"{BOARD}new/", {"title": "Патент", "body": "Как **быть**?"})
    topic = Topic.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{BOARD}t/{topic.pk}/"
    assert (topic.title, topic.language, topic.author, topic.reply_count) == (
        "Патент",
        "ru",
        anna,
        0,
    )
    assert topic.last_post.html == "<p>Как <strong>быть</strong>?</p>\n"
    # A double click makes one topic.
    post_form(client, f"{BOARD}new/", {"title": "Патент", "body": "Как **быть**?"})
    assert Topic.objects.count() == 1 and Post.objects.count() == 1


def test_new_topic_in_english_is_marked_english(board_en, anna):
    client = csrf_client(anna)
    post_form(
        client,
        "/en/forums/questions/new/",
        {"title": "Export", "body": "Where to start?"},
        page="/en/forums/questions/",
    )
    assert Topic.objects.get().language == "en"


@pytest.mark.parametrize(
    "data, message",
    [
        ({"title": "", "body": "Текст"}, "Дайте теме название."),
        ({"title": "Тема", "body": "   "}, "Напишите что-нибудь, прежде чем отправлять."),
        ({"title": "Тема", "body": "я" * 20_001}, "не длиннее 20000 символов"),
    ],
)
def test_bad_topic_is_refused_with_a_translated_message(board_ru, anna, data, message):
    response = post_form(csrf_client(anna), f"{BOARD}new/", data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Topic.objects.exists() and not Post.objects.exists()


def test_writing_needs_a_log_in_and_the_csrf_token(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    response = Client().post(f"{BOARD}t/{topic.pk}/reply/", {"body": "Ответ"})
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    forged = csrf_client(anna).post(f"{BOARD}t/{topic.pk}/reply/", {"body": "Ответ"})
    assert forged.status_code == 403
    assert Post.objects.count() == 1


def test_reply_counts_and_moves_the_last_post_once_per_double_submit(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    client = csrf_client(boris)
    for _ in range(2):
        response = post_form(client, f"{BOARD}t/{topic.pk}/reply/", {"body": "Согласен"})
    reply = Post.objects.get(body="Согласен")
    assert response["Location"] == f"{BOARD}t/{topic.pk}/?page=1#post-{reply.pk}"
    topic.refresh_from_db()
    assert (topic.reply_count, topic.last_post, topic.last_activity_at) == (
        1,
        reply,
        reply.created_at,
    )


@pytest.mark.parametrize("body, message", [("", "Напишите что-нибудь"), ("я" * 20_001, "20000")])
def test_bad_reply_writes_nothing(board_ru, anna, boris, body, message):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    response = post_form(csrf_client(boris), f"{BOARD}t/{topic.pk}/reply/", {"body": body})
    assert message in response.content.decode()
    topic.refresh_from_db()
    assert topic.reply_count == 0 and Post.objects.count() == 1


@pytest.mark.parametrize("language, message", [
    ("ru", "Тема закрыта: новые ответы в ней оставить нельзя."),
    ("en", "This topic is locked: no new replies can be posted."),
])  # fmt: skip
def test_locked_topic_refuses_replies_with_a_message(board_en, anna, boris, language, message):
    topic = ForumTopicFactory(board=board_en, author=anna, is_locked=True)
    board = f"/{language}/forums/questions/"
    client = csrf_client(boris)
    response = post_form(client, f"{board}t/{topic.pk}/reply/", {"body": "Ответ"}, page=board)
    assert response.status_code == 302
    assert message in client.get(response["Location"]).content.decode()
    assert Post.objects.count() == 1


def test_reply_to_a_topic_of_a_board_one_cannot_see_is_not_found(forums_ru, board_ru, anna):
    hidden = BoardPageFactory(parent=forums_ru, slug="hidden")
    topic = ForumTopicFactory(board=hidden, author=anna)
    hidden.unpublish()
    client = csrf_client(anna)
    assert (
        post_form(client, f"/ru/forums/hidden/t/{topic.pk}/reply/", {"body": "x"}).status_code
        == 404
    )
    assert post_form(client, f"{BOARD}t/{topic.pk}/reply/", {"body": "x"}).status_code == 404
    assert Post.objects.count() == 1


def test_author_edits_within_30_minutes_and_the_earlier_version_is_kept(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Было")
    post = topic.last_post
    response = post_form(csrf_client(anna), f"{BOARD}p/{post.pk}/edit/", {"body": "Стало"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.body == "Стало" and post.edited_at is not None
    assert post.revisions.get().body == "Было"
    assert "изменено" in Client().get(f"{BOARD}t/{topic.pk}/").content.decode()

    other = post_form(csrf_client(boris), f"{BOARD}p/{post.pk}/edit/", {"body": "Чужое"})
    assert other.status_code == 403
    Post.objects.filter(pk=post.pk).update(
        created_at=timezone.now() - datetime.timedelta(minutes=31)
    )
    late = post_form(csrf_client(anna), f"{BOARD}p/{post.pk}/edit/", {"body": "Поздно"})
    assert late.status_code == 403
    post.refresh_from_db()
    assert post.body == "Стало"


def test_moderators_and_the_region_coordinators_edit_any_time(board_ru, anna, staff, moderator):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Было")
    post = topic.last_post
    Post.objects.filter(pk=post.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    for editor, body in [(moderator, "Модератор"), (staff["moscow"], "Координатор")]:
        response = post_form(csrf_client(editor), f"{BOARD}p/{post.pk}/edit/", {"body": body})
        assert response.status_code == 302
    assert post.revisions.count() == 2
    outside = csrf_client(staff["ekaterinburg"])
    refused = post_form(outside, f"{BOARD}p/{post.pk}/edit/", {"body": "Нет"})
    assert refused.status_code == 403


def test_own_post_deleted_shows_deleted_others_cannot(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Секрет")
    post = topic.last_post
    assert post_form(csrf_client(boris), f"{BOARD}p/{post.pk}/delete/", {}).status_code == 403
    assert post_form(csrf_client(anna), f"{BOARD}p/{post.pk}/delete/", {}).status_code == 302
    thread = Client().get(f"{BOARD}t/{topic.pk}/").content.decode()
    assert "Это сообщение удалено." in thread and "Секрет" not in thread
    assert Post.objects.get().body == "Секрет"


def test_like_toggles_once_per_member_and_not_ones_own(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    url = f"{BOARD}p/{topic.last_post.pk}/like/"
    client = csrf_client(boris)
    post_form(client, url, {})
    assert Like.objects.filter(member=boris).count() == 1
    assert "1 отметка «Нравится»" in client.get(f"{BOARD}t/{topic.pk}/").content.decode()
    post_form(client, url, {})
    assert not Like.objects.exists()

    own = csrf_client(anna)
    response = post_form(own, url, {})
    assert (
        "Нельзя отметить «Нравится» своё собственное сообщение."
        in own.get(response["Location"]).content.decode()
    )
    assert not Like.objects.exists()
    assert Client().get(url).status_code == 405


def test_topic_author_accepts_an_answer_others_cannot(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    answer = ForumPostFactory(topic=topic, author=boris, body="Вот **ответ**")
    url = f"{BOARD}p/{answer.pk}/accept/"
    assert post_form(csrf_client(boris), url, {}).status_code == 403
    assert post_form(csrf_client(anna), url, {}).status_code == 302
    topic.refresh_from_db()
    assert topic.is_solved and topic.accepted_post == answer
    thread = Client().get(f"{BOARD}t/{topic.pk}/").content.decode()
    assert thread.index("Принятый ответ") < thread.index("Вопрос.")
    assert "Решена" in Client().get(BOARD).content.decode()


def test_moderator_accepts_an_answer(board_ru, anna, boris, moderator):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    answer = ForumPostFactory(topic=topic, author=boris)
    assert post_form(logged_in(moderator), f"{BOARD}p/{answer.pk}/accept/", {}).status_code == 302
    topic.refresh_from_db()
    assert topic.accepted_post == answer


def test_forum_pages_need_no_inline_code_even_with_hostile_markdown(board_ru, anna, boris):
    hostile = (
        '<script>alert(1)</script> <img src=x onerror="alert(1)"> '
        "[link](javascript:alert(1)) ![pic](https://evil.example/x.png) "
        '<a href="#" style="color:red" onclick="alert(1)">x</a>'
    )
    client = csrf_client(anna)
    post_form(client, f"{BOARD}new/", {"title": "Опасная разметка", "body": hostile})
    topic = Topic.objects.get()
    pages = [
        client.get(f"{BOARD}t/{topic.pk}/"),
        Client().get(f"{BOARD}t/{topic.pk}/"),
        client.get(BOARD),
        client.get(f"{BOARD}new/"),
        post_form(client, f"{BOARD}new/", {"title": "x", "body": hostile, "preview": "1"}),
        client.get(f"{BOARD}t/{topic.pk}/reply/"),
        Client().get("/ru/forums/"),
    ]
    for response in pages:
        assert response.status_code == 200
        assert inline_code(response.content.decode()) == []
    assert "&lt;script&gt;" in pages[1].content.decode()
