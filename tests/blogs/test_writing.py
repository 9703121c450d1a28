"""Writing, previewing, editing and deleting one's own blog posts: the
right member, another member, visitors, CSRF and bad input."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from blogs.choices import PostStatus
from blogs.models import BlogPost
from notifications.models import Follow, Notification
from tests.factories import BlogPostFactory, MemberFactory
from tests.helpers import csrf_client, csrf_token, logged_in, picture

pytestmark = pytest.mark.django_db


def form(**fields):
    return {
        "title": "Как мы вышли на рынок Казахстана",
        "body": "Мы начали с **выставки** в Алматы.",
        "language": "ru",
        "status": "published",
    } | fields


def test_visitors_are_sent_to_log_in(client, blogs_ru, anna):
    post = BlogPostFactory(author=anna)
    for url in (
        "/ru/blogs/write/",
        f"/ru/blogs/{anna.pk}/{post.slug}/edit/",
        f"/ru/blogs/{anna.pk}/{post.slug}/delete/",
    ):
        response = client.post(url, form())
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert BlogPost.objects.count() == 1
    assert BlogPost.objects.get().title == post.title


@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_member_publishes_a_post(blogs_en, anna, topics, regions, language):
    client = logged_in(anna)
    assert client.get(f"/{language}/blogs/write/").status_code == 200
    response = client.post(
        f"/{language}/blogs/write/",
        form(themes=[topics["ipr"].pk], region=regions["moscow"].pk)
        if language == "ru"
        else form(language="en", title="Going to Kazakhstan"),
    )
    post = BlogPost.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/{language}/blogs/{anna.pk}/{post.slug}/"
    assert post.author == anna and post.is_published and post.published_at is not None
    assert post.slug in ("kak-my-vyshli-na-rynok-kazakhstana", "going-to-kazakhstan")
    assert "<strong>" in post.html
    page = client.get(response["Location"]).content.decode()
    assert post.title in page


def test_a_draft_gets_no_date_and_is_published_later(blogs_ru, anna):
    client = logged_in(anna)
    client.post("/ru/blogs/write/", form(status="draft"))
    post = BlogPost.objects.get()
    assert post.status == PostStatus.DRAFT and post.published_at is None
    client.post(f"/ru/blogs/{anna.pk}/{post.slug}/edit/", form(status="published"))
    post.refresh_from_db()
    assert post.is_published and post.published_at is not None


def test_the_same_title_twice_gets_a_second_address(blogs_ru, anna):
    client = logged_in(anna)
    client.post("/ru/blogs/write/", form())
    client.post("/ru/blogs/write/", form())
    assert sorted(BlogPost.objects.values_list("slug", flat=True)) == [
        "kak-my-vyshli-na-rynok-kazakhstana",
        "kak-my-vyshli-na-rynok-kazakhstana-2",
    ]


def test_preview_shows_the_text_and_saves_nothing(blogs_ru, anna):
    response = logged_in(anna).post("/ru/blogs/write/", form(preview="1", body="Это **важно**"))
    assert response.status_code == 200
    assert "<strong>важно</strong>" in response.content.decode()
    assert not BlogPost.objects.exists()


def test_markdown_is_cleaned(blogs_ru, anna):
    logged_in(anna).post(
        "/ru/blogs/write/", form(body="<script>alert(1)</script> [x](javascript:alert(1))")
    )
    html = BlogPost.objects.get().html
    assert "<script>" not in html and 'href="javascript:' not in html


@pytest.mark.parametrize(
    ("language", "fields", "message"),
    [
        ("ru", {"title": "   "}, "Дайте заметке заголовок."),
        ("en", {"title": ""}, "Give your post a title."),
        ("ru", {"body": "  "}, "Напишите что-нибудь в заметке."),
        ("en", {"body": "x" * 50_001}, "Ensure this value has at most 50000 characters"),
        ("ru", {"status": "secret"}, "Выберите корректный вариант."),
    ],
)
def test_bad_input_is_explained_and_nothing_saved(blogs_en, anna, language, fields, message):
    response = logged_in(anna).post(f"/{language}/blogs/write/", form(**fields))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not BlogPost.objects.exists()


def test_a_lead_picture_is_checked_and_stored(blogs_ru, anna):
    client = logged_in(anna)
    fake = SimpleUploadedFile("x.svg", b"<svg onload='alert(1)'/>", content_type="image/svg+xml")
    response = client.post("/ru/blogs/write/", form(lead_picture=fake))
    assert "Этот файл не подходит" in response.content.decode()
    assert not BlogPost.objects.exists()
    client.post("/ru/blogs/write/", form(lead_picture=picture()))
    post = BlogPost.objects.get()
    assert post.lead_picture.name.startswith("blogs/") and post.lead_picture_width == 64


def test_the_author_edits_their_post(blogs_ru, anna):
    post = BlogPostFactory(author=anna, title="Старый заголовок")
    published_at = post.published_at
    client = logged_in(anna)
    url = f"/ru/blogs/{anna.pk}/{post.slug}/edit/"
    assert client.get(url).status_code == 200
    response = client.post(url, form(title="Новый заголовок", body="Новый *текст*"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.title == "Новый заголовок" and "<em>текст</em>" in post.html
    # The address and the date of first publication stay.
    assert response["Location"] == f"/ru/blogs/{anna.pk}/{post.slug}/"
    assert post.published_at == published_at


def test_another_member_can_neither_edit_nor_delete(blogs_ru, anna, boris):
    post = BlogPostFactory(author=anna, title="Заметка Анны")
    client = logged_in(boris)
    for url in (
        f"/ru/blogs/{anna.pk}/{post.slug}/edit/",
        f"/ru/blogs/{anna.pk}/{post.slug}/delete/",
    ):
        assert client.get(url).status_code == 403
        assert client.post(url, form(title="Взлом")).status_code == 403
    post.refresh_from_db()
    assert post.title == "Заметка Анны"
    # Under their own number the post is not theirs either: not found.
    assert client.post(f"/ru/blogs/{boris.pk}/{post.slug}/edit/", form()).status_code == 404
    assert BlogPost.objects.filter(title="Заметка Анны").count() == 1


def test_the_author_deletes_their_post_after_confirming(blogs_ru, anna):
    post = BlogPostFactory(author=anna)
    client = logged_in(anna)
    url = f"/ru/blogs/{anna.pk}/{post.slug}/delete/"
    assert client.get(url).status_code == 200
    assert BlogPost.objects.exists()
    response = client.post(url)
    assert response.status_code == 302 and response["Location"] == f"/ru/blogs/{anna.pk}/"
    assert not BlogPost.objects.exists()


def test_forms_need_the_csrf_token(blogs_ru, anna):
    post = BlogPostFactory(author=anna, title="Заметка")
    client = csrf_client(anna)
    assert client.post("/ru/blogs/write/", form(title="Без токена")).status_code == 403
    edit = f"/ru/blogs/{anna.pk}/{post.slug}/edit/"
    assert client.post(edit, form(title="Без токена")).status_code == 403
    assert client.post(f"/ru/blogs/{anna.pk}/{post.slug}/delete/").status_code == 403
    assert list(BlogPost.objects.values_list("title", flat=True)) == ["Заметка"]
    token = csrf_token(client, "/ru/blogs/write/")
    response = client.post("/ru/blogs/write/", form(csrfmiddlewaretoken=token))
    assert response.status_code == 302
    assert BlogPost.objects.count() == 2


def test_followers_and_mentioned_members_are_told_once_when_a_post_comes_out(
    django_capture_on_commit_callbacks, blogs_ru, anna, boris
):
    reader = MemberFactory()
    Follow.objects.create(user=reader, kind="blog", key=str(anna.pk))
    client = logged_in(anna)
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/ru/blogs/write/", form(status="draft", body="Привет, @Борис Орлов"))
    assert not Notification.objects.exists()  # a draft is announced to nobody
    post = BlogPost.objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ru/blogs/{anna.pk}/{post.slug}/edit/", form(body="Привет, @Борис Орлов"))
    assert set(Notification.objects.values_list("recipient__username", "event")) == {
        (reader.username, "watched_post"),
        ("boris", "mention"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/ru/blogs/{anna.pk}/{post.slug}/edit/", form(body="Правка"))
    assert Notification.objects.count() == 2  # editing tells nobody again


def test_account_page_links_to_my_blog(blogs_ru, anna):
    html = logged_in(anna).get("/ru/accounts/profile/").content.decode()
    assert f'href="/ru/blogs/{anna.pk}/"' in html
