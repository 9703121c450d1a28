"""From discussion to library (library/from_discussion.py): moderators and
the coordinators of the region turn an answered forum topic or a published
blog post into a draft of expert advice in the library of its language,
quoted with attribution and a link back, which then goes through the
regional review. Everyone else is refused and nothing is made."""

import pytest
from django.utils import timezone

from blogs.choices import PostStatus
from library.models import ArticlePage, DiscussionSource
from tests.factories import BlogPostFactory, ForumPostFactory, ForumTopicFactory
from tests.helpers import csrf_client, csrf_token

pytestmark = pytest.mark.django_db


def answered(board, answerer=None, **fields):
    """A topic of `board` whose question has an accepted answer."""
    from forums.models import Post

    topic = ForumTopicFactory(board=board, first_post="Как оформить патент за рубежом?", **fields)
    extra = {"author": answerer} if answerer is not None else {}
    reply = ForumPostFactory(topic=topic, body="Начните с PCT.", **extra)
    topic.accepted_post = reply
    topic.is_solved = True
    topic.save()
    assert Post.objects.filter(topic=topic).count() == 2
    return topic


def topic_page(board, topic):
    return f"{board.url}t/{topic.pk}/"


def convert_topic(user, board, topic):
    """The button of the topic page, pressed with the page's CSRF token."""
    client = csrf_client(user)
    token = csrf_token(client, topic_page(board, topic))
    return client.post(f"/ru/to-library/topic/{topic.pk}/", {"csrfmiddlewaretoken": token})


def convert_post(user, post):
    client = csrf_client(user)
    url = f"/{post.language}/blogs/{post.author_id}/{post.slug}/"
    token = csrf_token(client, url)
    return client.post(f"/ru/to-library/blog-post/{post.pk}/", {"csrfmiddlewaretoken": token})


def drafts():
    return ArticlePage.objects.all()


def rendered(page):
    return str(page.body)


@pytest.fixture
def people(staff, moderator, anna):
    return {
        "moderator": moderator,
        "moscow": staff["moscow"],
        "ekaterinburg": staff["ekaterinburg"],
        "member": anna,
    }


@pytest.mark.parametrize("who", ["moderator", "moscow"])
def test_the_right_people_make_a_draft_of_expert_advice(
    people, library_ru, board_ru, regions, anna, boris, who
):
    topic = answered(board_ru, author=anna, answerer=boris)

    response = convert_topic(people[who], board_ru, topic)

    page = drafts().get()
    edit_url = f"/admin/pages/{page.pk}/edit/"
    # The coordinator edits it at once; a moderator (who edits no pages)
    # goes back to the topic, told that the draft is waiting.
    back = edit_url if who == "moscow" else topic_page(board_ru, topic)
    assert response.status_code == 302 and response["Location"] == back
    assert not page.live and page.has_unpublished_changes
    assert page.item_type == "expert_advice"
    assert page.get_parent().specific == library_ru
    assert page.locale.language_code == "ru"
    assert page.region == regions["moscow"]
    assert page.title == topic.title
    assert page.authors == "Анна Соколова, Борис Орлов"
    assert page.get_latest_revision() is not None
    html = rendered(page)
    today = timezone.localdate()
    assert "Как оформить патент за рубежом?" in html and "Начните с PCT." in html
    assert "Анна Соколова" in html and "Борис Орлов" in html
    assert "принятый ответ" in html
    assert str(today.year) in html
    assert f"http://testserver{topic_page(board_ru, topic)}" in html
    assert "Из обсуждения на форуме" in html
    # It goes through the regional review like any library item, and the
    # region's coordinator opens it in the admin.
    assert page.get_workflow().name == "Regional review"
    editor = csrf_client(people["moscow"])
    assert editor.get(edit_url).status_code == 200


@pytest.mark.parametrize("who", ["ekaterinburg", "member"])
def test_the_wrong_people_are_refused(people, library_ru, board_ru, who):
    topic = answered(board_ru)

    response = convert_topic(people[who], board_ru, topic)

    assert response.status_code == 403
    assert "только модераторы и координаторы этого региона" in response.text
    assert not drafts().exists()


def test_visitors_are_sent_to_log_in(client, library_ru, board_ru):
    topic = answered(board_ru)

    response = client.post(f"/ru/to-library/topic/{topic.pk}/")

    assert response.status_code == 302 and "/accounts/login/" in response["Location"]
    assert not drafts().exists()


def test_the_button_is_shown_only_to_those_allowed(people, library_ru, board_ru):
    topic = answered(board_ru)
    label = "Сделать советом эксперта в библиотеке"

    for who, shown in [
        ("moderator", True),
        ("moscow", True),
        ("ekaterinburg", False),
        ("member", False),
    ]:
        page = csrf_client(people[who]).get(topic_page(board_ru, topic)).text
        assert (label in page) is shown, who


def test_a_topic_without_an_accepted_answer_is_refused(people, library_ru, board_ru):
    topic = ForumTopicFactory(board=board_ru)

    response = convert_topic(people["moderator"], board_ru, topic)

    assert response.status_code == 400
    assert "нет принятого ответа" in response.text
    assert not drafts().exists()
    assert (
        "Сделать советом эксперта"
        not in csrf_client(people["moderator"]).get(topic_page(board_ru, topic)).text
    )


def test_without_a_csrf_token_nothing_is_made(people, library_ru, board_ru):
    topic = answered(board_ru)

    response = csrf_client(people["moderator"]).post(f"/ru/to-library/topic/{topic.pk}/")

    assert response.status_code == 403
    assert not drafts().exists()


def test_converting_again_leads_to_the_same_draft(people, library_ru, board_ru):
    topic = answered(board_ru)
    first = convert_topic(people["moscow"], board_ru, topic)

    second = convert_topic(people["moscow"], board_ru, topic)
    third = convert_topic(people["moderator"], board_ru, topic)

    assert second.status_code == 302
    assert second["Location"] == first["Location"] == f"/admin/pages/{drafts().get().pk}/edit/"
    assert third["Location"] == topic_page(board_ru, topic)
    assert drafts().count() == 1
    # Once that draft is deleted, a new one may be made.
    drafts().get().delete()
    assert not DiscussionSource.objects.exists()
    assert convert_topic(people["moderator"], board_ru, topic).status_code == 302
    assert drafts().count() == 1


def test_member_html_is_quoted_as_text(people, library_ru, board_ru):
    topic = answered(board_ru, title="<b>Тема</b> & вопрос")
    # As if a member's markup had reached the stored HTML.
    answer = topic.accepted_post
    answer.html = '<p>Ответ <img src=x onerror="alert(1)"></p><script>alert(2)</script>'
    answer.save()

    convert_topic(people["moderator"], board_ru, topic)

    html = rendered(drafts().get())
    assert "<script" not in html and "<img" not in html and "onerror" not in html
    assert "&lt;b&gt;Тема&lt;/b&gt; &amp; вопрос" in html
    assert "Ответ" in html


def test_an_english_topic_goes_to_the_english_library(people, library_en, board_en):
    topic = answered(board_en, title="Exporting to Kazakhstan", language="en")

    response = convert_topic(people["moderator"], board_en, topic)

    assert response.status_code == 302
    page = drafts().get()
    assert page.get_parent().specific == library_en
    assert page.locale.language_code == "en"
    html = rendered(page)
    assert "From the forum discussion" in html and "accepted answer" in html


# --- blog posts ------------------------------------------------------------------


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_blog_post_becomes_a_draft_in_its_language(
    people, library_en, blogs_en, regions, anna, language
):
    post = BlogPostFactory(
        author=anna,
        title="Патент за полгода",
        language=language,
        region=regions["moscow"],
        html="<p>Что <strong>сработало</strong>.</p>",
    )
    page_url = f"/{language}/blogs/{anna.pk}/{post.slug}/"
    assert "/to-library/blog-post/" in csrf_client(people["moscow"]).get(page_url).text
    assert "/to-library/blog-post/" not in csrf_client(people["ekaterinburg"]).get(page_url).text

    response = convert_post(people["moscow"], post)

    page = drafts().get()
    assert response["Location"] == f"/admin/pages/{page.pk}/edit/"
    assert page.locale.language_code == language
    html = rendered(page)
    assert "Что сработало." in html and "<strong>" not in html
    assert "Анна Соколова" in html
    assert ("Из блога" if language == "ru" else "From the blog of") in html
    assert f"/{language}/blogs/{anna.pk}/{post.slug}/" in html


def test_a_blog_post_refused_to_others_and_drafts_not_found(
    people, library_ru, blogs_ru, regions, anna
):
    post = BlogPostFactory(author=anna, region=regions["moscow"])
    assert convert_post(people["ekaterinburg"], post).status_code == 403
    assert convert_post(people["member"], post).status_code == 403

    post.status, post.published_at = PostStatus.DRAFT, None
    post.save()
    client = csrf_client(people["moderator"])
    token = csrf_token(client, "/ru/blogs/")
    response = client.post(f"/ru/to-library/blog-post/{post.pk}/", {"csrfmiddlewaretoken": token})
    assert response.status_code == 404
    assert not drafts().exists()
