"""Quoting a post: "Quote" under a post opens the reply form filled with
a Markdown blockquote of that post and who wrote it (`?quote=<post id>`,
no script needed). A post not everyone may see, or of another topic,
leaves the form empty; the quote survives the cleaning of what members
write."""

import pytest
from django.test import Client

from forums.choices import Visibility
from forums.models import Post
from tests.factories import ForumPostFactory, ForumTopicFactory
from tests.helpers import csrf_client, csrf_token, logged_in

pytestmark = pytest.mark.django_db

BOARD = "/ru/forums/questions/"


def reply_form_body(client, topic, quote):
    response = client.get(f"{BOARD}t/{topic.pk}/reply/", {"quote": quote})
    assert response.status_code == 200
    return response.context["form"]["body"].value() or ""


def test_quote_fills_the_reply_form_with_an_attributed_blockquote(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Как **быть**?\nПодскажите.")
    client = logged_in(boris)

    thread = client.get(f"{BOARD}t/{topic.pk}/").text
    assert f'href="{BOARD}t/{topic.pk}/reply/?quote={topic.last_post_id}"' in thread
    assert "Цитировать" in thread

    body = reply_form_body(client, topic, topic.last_post_id)
    assert body == "> @Анна Соколова пишет:\n>\n> Как **быть**?\n> Подскажите.\n\n"


def test_a_reply_with_a_quote_keeps_the_blockquote_and_mentions_the_author(board_ru, anna, boris):
    topic = ForumTopicFactory(board=board_ru, author=anna, first_post="Вопрос про патент")
    client = csrf_client(boris)
    body = reply_form_body(client, topic, topic.last_post_id) + "Согласен."
    token = csrf_token(client, f"{BOARD}t/{topic.pk}/")

    client.post(f"{BOARD}t/{topic.pk}/reply/", {"body": body, "csrfmiddlewaretoken": token})

    html = Post.objects.get(author=boris).html
    assert html.startswith("<blockquote>\n<p><a ")
    assert 'class="mention"' in html and "Вопрос про патент</p>\n</blockquote>" in html


@pytest.mark.parametrize("which", ["deleted", "held", "hidden", "other topic", "nonsense"])
def test_quoting_a_post_one_may_not_see_leaves_the_form_empty(board_ru, anna, boris, which):
    topic = ForumTopicFactory(board=board_ru, author=anna)
    secret = ForumPostFactory(topic=topic, author=anna, body="Секрет")
    if which == "deleted":
        Post.objects.filter(pk=secret.pk).update(is_deleted=True)
    elif which == "held":
        Post.objects.filter(pk=secret.pk).update(visibility=Visibility.HELD)
    elif which == "hidden":
        Post.objects.filter(pk=secret.pk).update(visibility=Visibility.HIDDEN)
    elif which == "other topic":
        topic = ForumTopicFactory(board=board_ru, author=boris)
    quote = "1; DROP TABLE" if which == "nonsense" else secret.pk

    assert reply_form_body(logged_in(boris), topic, quote) == ""


def test_visitors_see_no_quote_link_and_are_asked_to_log_in(board_ru, anna):
    topic = ForumTopicFactory(board=board_ru, author=anna)

    assert "?quote=" not in Client().get(f"{BOARD}t/{topic.pk}/").text
    response = Client().get(f"{BOARD}t/{topic.pk}/reply/?quote={topic.last_post_id}")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
