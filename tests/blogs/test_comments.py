"""Members comment on published blog posts with the library's comments
(library/commentable.py): the same form, rules, limits and moderation (a
region's coordinators those on their region's posts, moderators all); the
post's author hears of each comment."""

import pytest
from django.conf import settings
from django.shortcuts import resolve_url
from django.test import Client
from django.urls import reverse
from django_comments_xtd.models import XtdComment

from blogs.choices import PostStatus
from notifications.models import Notification
from tests.factories import BlogPostFactory, CommentFactory, MemberFactory
from tests.helpers import (
    AdminClient,
    comment_form_data,
    csrf_client,
    csrf_token,
    logged_in,
    warm_queries,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def post(blogs_en, anna, regions):
    return BlogPostFactory(author=anna, title="Как мы защитили патент", region=regions["moscow"])


def url_of(post, language="ru"):
    return f"/{language}/blogs/{post.author_id}/{post.slug}/"


def send(client, post, text, language="ru", **kwargs):
    return client.post(f"/{language}/comments/post/", comment_form_data(post, text, **kwargs))


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_member_comments_a_published_post(post, boris, language):
    client = logged_in(boris)

    response = send(client, post, "Спасибо, очень полезно.", language=language)

    comment = XtdComment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{url_of(post, language)}#c{comment.pk}"
    assert (comment.user, comment.content_object) == (boris, post)
    page = client.get(url_of(post, language)).text
    assert "Спасибо, очень полезно." in page
    assert "Борис Орлов" in page
    heading = "Комментарии" if language == "ru" else "Comments"
    assert f'{heading} <span class="library-count">(1)</span>' in page


def test_visitors_are_sent_to_log_in_and_see_no_form(client, post):
    response = send(client, post, "Аноним")

    assert response.status_code == 302
    assert response["Location"].startswith(resolve_url(settings.LOGIN_URL))
    assert XtdComment.objects.count() == 0
    page = client.get(url_of(post)).text
    assert f'href="{resolve_url(settings.LOGIN_URL)}?next=' in page
    assert 'name="comment"' not in page


def test_a_draft_takes_no_comments(post, boris):
    post.status, post.published_at = PostStatus.DRAFT, None
    post.save()

    assert send(logged_in(boris), post, "Под черновиком").status_code == 404
    assert XtdComment.objects.count() == 0
    # Its author sees the draft, without a comments section.
    assert 'id="comments"' not in logged_in(post.author).get(url_of(post)).text


def test_a_post_of_an_inactive_account_takes_no_comments(post, boris):
    post.author.is_active = False
    post.author.save()

    assert send(logged_in(boris), post, "Поздно").status_code == 404


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Напишите комментарий, прежде чем отправлять его."),
        ("я" * 3001, "не более 3000"),
    ],
)
def test_bad_input_gets_the_form_back_and_writes_nothing(post, boris, text, message):
    response = send(logged_in(boris), post, text)

    assert response.status_code == 400
    assert message in response.text
    assert f'href="{url_of(post)}#comments"' in response.text
    assert XtdComment.objects.count() == 0


def test_a_tampered_form_is_refused(post, boris):
    data = comment_form_data(post, "Текст")
    data["security_hash"] = "0" * 40

    response = logged_in(boris).post("/ru/comments/post/", data)

    assert response.status_code == 400
    assert XtdComment.objects.count() == 0


def test_html_is_shown_as_text(post, boris):
    client = logged_in(boris)
    send(client, post, '<script>alert("x")</script><b>жирный</b>')

    page = client.get(url_of(post)).text
    assert '<script>alert("x")</script>' not in page
    assert "&lt;b&gt;жирный&lt;/b&gt;" in page


def test_csrf_is_enforced(post, boris):
    client = csrf_client(boris)

    refused = send(client, post, "Без токена")
    assert refused.status_code == 403
    assert "Форма устарела или была отправлена с другого сайта" in refused.text
    assert XtdComment.objects.count() == 0

    data = comment_form_data(post, "С токеном")
    data["csrfmiddlewaretoken"] = csrf_token(client, url_of(post))
    assert client.post("/ru/comments/post/", data).status_code == 302
    assert XtdComment.objects.get().comment == "С токеном"


def test_a_member_posting_too_fast_is_slowed_down(post, boris):
    client = logged_in(boris)
    for number in range(10):
        assert send(client, post, f"Комментарий {number}").status_code == 302

    response = send(client, post, "Ещё один")

    assert response.status_code == 429
    assert XtdComment.objects.count() == 10


def test_replies_nest_under_the_post(post, boris, anna):
    first = CommentFactory(page=post, user=boris)

    response = send(logged_in(anna), post, "Отвечаю", reply_to=first.pk)

    assert response.status_code == 302
    assert XtdComment.objects.get(comment="Отвечаю").parent_id == first.pk


# --- moderation ----------------------------------------------------------------


def moderate(user, comment, action):
    """The hide or show button of the post page, pressed with its token."""
    client = csrf_client(user)
    token = csrf_token(client, url_of(comment.content_object))
    return client.post(f"/ru/comments/{comment.pk}/{action}/", {"csrfmiddlewaretoken": token})


def state(comment):
    fresh = XtdComment.objects.get(pk=comment.pk)
    return fresh.is_public, fresh.is_removed


@pytest.mark.parametrize(
    ("who", "allowed"),
    [
        ("moscow", True),
        ("coordinator", True),
        ("moderator", True),
        ("ekaterinburg", False),
        ("member", False),
    ],
)
def test_moderation_by_the_posts_region(post, staff, moderator, boris, who, allowed):
    people = {**staff, "moderator": moderator, "member": boris}
    comment = CommentFactory(page=post, comment="Спорное мнение")
    user = people[who]

    page = csrf_client(user).get(url_of(post)).text
    assert ("/hide/" in page) is allowed
    response = moderate(user, comment, "hide")

    if allowed:
        assert response.status_code == 302
        assert state(comment) == (True, True)
        assert moderate(user, comment, "approve").status_code == 302
        assert state(comment) == (True, False)
    else:
        assert response.status_code == 403
        assert state(comment) == (True, False)


def test_a_coordinator_sees_their_regions_blog_comments_in_the_admin(post, staff, regions):
    ural_post = BlogPostFactory(region=regions["ekaterinburg"], title="Уральская заметка")
    here = CommentFactory(page=post, comment="Московский комментарий")
    there = CommentFactory(page=ural_post, comment="Уральский комментарий")

    listing = AdminClient(staff["moscow"]).get(reverse("library_comments:index")).text

    assert "Московский комментарий" in listing and "Уральский комментарий" not in listing
    # Named by the post's title (a page with the same id is not it).
    assert "Как мы защитили патент" in listing
    edit = reverse("library_comments:edit", args=[there.pk])
    assert AdminClient(staff["moscow"]).get(edit).status_code in (302, 403)
    assert (
        AdminClient(staff["moscow"])
        .get(reverse("library_comments:edit", args=[here.pk]))
        .status_code
        == 200
    )


# --- the author is told --------------------------------------------------------


def test_the_author_is_notified_once_of_a_comment(post, anna, boris):
    send(logged_in(boris), post, "Хороший пост")
    comment = XtdComment.objects.get()

    [notice] = Notification.objects.filter(recipient=anna)
    assert (notice.event, notice.actor, notice.target) == ("reply", boris, comment)
    assert not Notification.objects.filter(recipient=boris).exists()
    member = logged_in(anna)
    assert "Как мы защитили патент" in member.get("/ru/notifications/").text
    opened = member.post(f"/ru/notifications/{notice.pk}/open/")
    assert opened["Location"] == f"{url_of(post)}#c{comment.pk}"


def test_the_author_commenting_their_own_post_is_not_notified(post, anna):
    send(logged_in(anna), post, "Дополню")

    assert not Notification.objects.exists()


def test_a_reply_to_the_author_notifies_them_once(post, anna, boris):
    first = CommentFactory(page=post, user=anna)

    send(logged_in(boris), post, "Ответ автору", reply_to=first.pk)

    assert Notification.objects.filter(recipient=anna).count() == 1


# --- cost ----------------------------------------------------------------------


BUDGET = 15


@pytest.mark.parametrize("language", ["ru", "en"])
def test_the_post_page_costs_the_same_with_0_or_20_comments(client, post, language):
    url = url_of(post, language)
    few = len(warm_queries(client, url, warm_ups=2))
    for number in range(20):
        CommentFactory(page=post, user=MemberFactory(), comment=f"Мнение {number}")
    many = warm_queries(client, url, warm_ups=2)
    assert "Мнение 19" in Client().get(url).text
    assert len(many) <= BUDGET
    assert len(many) == few


def test_blog_comments_waiting_show_in_their_regions_dashboard_panel(post, staff, regions):
    from bs4 import BeautifulSoup

    CommentFactory(page=post, is_public=False)
    CommentFactory(page=BlogPostFactory(region=regions["ekaterinburg"]), is_public=False)

    def waiting(user, slug):
        client = Client()
        client.force_login(user)
        html = BeautifulSoup(client.get("/admin/").content, "html.parser")
        part = html.find(id=f"editorial-region-{slug}").find(attrs={"data-section": "comments"})
        return int(part.find(attrs={"data-count": True}).get_text())

    assert waiting(staff["moscow"], "moscow") == 1
    assert waiting(staff["ekaterinburg"], "ekaterinburg") == 1
