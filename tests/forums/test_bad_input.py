"""Bad input in the forums: what a careless or hostile member may send
gets a clear translated message or is cleaned, and never a server error
or half a reply. (Empty posts, double submits, locked topics, one's own
likes and unpublished boards: tests/forums/test_writing.py.)"""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import PageViewRestriction

from community.mentions import MAX_MENTIONS
from forums.models import Like, Post, Topic
from notifications.models import Notification
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token, inline_code

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def send(client, url, data, page=BOARD):
    token = csrf_token(client, page)
    return client.post(url, {**data, "csrfmiddlewaretoken": token})


def reply(member, topic, body, board=BOARD):
    """The reply's response and the post it made, if any."""
    response = send(csrf_client(member), f"{board}t/{topic.pk}/reply/", {"body": body})
    return response, Post.objects.exclude(pk=topic.last_post_id).filter(topic=topic).first()


def assert_nothing_written(topic):
    topic.refresh_from_db()
    assert Post.objects.filter(topic=topic).count() == 1 and topic.reply_count == 0


@pytest.mark.parametrize("url", ["new/", "t/{topic}/reply/", "p/{post}/edit/"])
def test_a_100000_character_post_is_refused_as_too_long(board_ru, anna, url):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Было")
    url = BOARD + url.format(topic=topic.pk, post=topic.last_post_id)

    response = send(csrf_client(anna), url, {"title": "Тема", "body": "я" * 100_000})

    assert response.status_code == 200
    assert "Сообщение может быть не длиннее 20000 символов (в нём 100000)." in response.text
    assert Topic.objects.count() == 1
    assert_nothing_written(topic)
    assert Post.objects.get().body == "Было"


def test_null_characters_are_refused_not_stored(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)

    response, post = reply(boris, topic, "Ответ\x00")

    assert response.status_code == 200 and post is None
    assert "Данные содержат запрещённый символ: ноль-байт" in response.text
    assert_nothing_written(topic)


HOSTILE = [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a href="#" onclick="alert(1)">нажми</a>',
    "[нажми](javascript:alert(1))",
    "[нажми](JaVaScRiPt:alert(1))",
    "[нажми](  javascript:alert(1) )",
    "[нажми](java&#115;cript:alert(1))",
    "[нажми][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[нажми](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[нажми](vbscript:msgbox(1))",
    "![x](https://tracker.example/pixel.png)",
    "![x](javascript:alert(1))",
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    "[![x](https://tracker.example/pixel.png)](https://example.org/)",
    '![x](https://tracker.example/pixel.png "onerror=alert(1)")',
    "<iframe src=https://evil.example></iframe>",
    '<div style="position:fixed">x</div>',
]


@pytest.mark.parametrize("body", HOSTILE)
def test_scripts_handlers_dangerous_links_and_images_are_cleaned(board_ru, anna, boris, body):
    topic = ForumTopicFactory(board=board_ru, author=anna)

    response, post = reply(boris, topic, body)

    assert response.status_code == 302
    assert post.body == body  # kept as written, for moderators
    elements = BeautifulSoup(post.html, "html.parser").find_all(True)
    assert {element.name for element in elements} <= {"p", "a"}
    for element in elements:
        assert set(element.attrs) <= {"href", "rel", "title", "class"}
        href = element.get("href", "").strip().lower()
        assert not href.startswith(("javascript:", "vbscript:", "data:"))
    thread = csrf_client(boris).get(f"{BOARD}t/{topic.pk}/").text
    assert inline_code(thread) == []


def test_thousands_of_mentions_link_and_tell_only_the_first_few_in_one_query(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    body = "@Борис Орлов\n" * 1500
    assert len(body) < 20_000

    response, post = reply(anna, topic, body)

    assert response.status_code == 302
    assert post.html.count('class="mention"') == MAX_MENTIONS
    assert Notification.objects.filter(recipient=boris, event="mention").count() == 1


def test_thousands_of_different_names_cost_one_query(board_ru, anna):
    from home.markdown import render_markdown

    body = " ".join(f"@Имя{number}" for number in range(2000))
    with CaptureQueriesContext(connection) as queries:
        html, mentions = render_markdown(body, anna)

    assert mentions == [] and 'class="mention"' not in html
    assert len(queries) == 1


def test_unknown_members_are_mentioned_as_plain_text(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=boris)

    response, post = reply(anna, topic, "Спросите @Никого Неизвестного и @")

    assert response.status_code == 302
    assert 'class="mention"' not in post.html and "@Никого Неизвестного" in post.html
    assert not Notification.objects.filter(event="mention").exists()


def test_replies_to_a_board_for_a_group_only_are_refused(forums_ru, board_ru, anna, boris):
    private = BoardPageFactory(parent=forums_ru, slug="private")
    restriction = PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name="Moderators")])
    topic = ForumTopicFactory(board=private, author=anna)
    board = "/ru/forums/private/"

    response = send(csrf_client(boris), f"{board}t/{topic.pk}/reply/", {"body": "Ответ"})

    assert response.status_code in (302, 403, 404)
    assert_nothing_written(topic)
    assert csrf_client(boris).get(f"{board}t/{topic.pk}/").status_code != 200


@pytest.mark.parametrize("url", ["p/999999/like/", "p/999999/accept/", "t/999999/reply/"])
def test_actions_on_posts_and_topics_that_do_not_exist_are_not_found(board_ru, boris, url):
    response = send(csrf_client(boris), f"{BOARD}{url}", {"body": "Ответ"})

    assert response.status_code == 404
    assert not Like.objects.exists() and not Post.objects.exists()


def test_liking_a_post_of_another_board_is_not_found(forums_ru, board_ru, anna, boris):
    other = BoardPageFactory(parent=forums_ru, slug="other")
    topic = ForumTopicFactory(board=other, author=anna)

    response = send(csrf_client(boris), f"{BOARD}p/{topic.last_post_id}/like/", {})

    assert response.status_code == 404 and not Like.objects.exists()


def test_a_double_submitted_like_is_one_like_or_none_never_an_error(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    boris = MemberFactory(username="borya")
    client = csrf_client(boris)
    url = f"{BOARD}p/{topic.last_post_id}/like/"

    responses = [send(client, url, {}) for _ in range(3)]

    assert [response.status_code for response in responses] == [302] * 3
    assert Like.objects.count() == 1
