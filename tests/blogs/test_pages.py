"""Member blogs: the listing with its filters, a member's blog, a post and
its feed, in both languages; drafts are seen by their author only."""

import pytest

from blogs.choices import PostStatus
from tests.factories import BlogPostFactory, MemberFactory
from tests.helpers import logged_in, warm_queries

pytestmark = pytest.mark.django_db


def draft(**fields):
    return BlogPostFactory(status=PostStatus.DRAFT, published_at=None, **fields)


def test_blog_index_is_in_the_main_menu_of_both_languages(client, blogs_en):
    assert 'href="/ru/blogs/"' in client.get("/ru/").content.decode()
    assert 'href="/en/blogs/"' in client.get("/en/").content.decode()


@pytest.mark.parametrize("language", ["ru", "en"])
def test_listing_shows_published_posts_of_every_member_not_drafts(
    client, blogs_en, anna, boris, language
):
    BlogPostFactory(author=anna, title="Как мы защитили патент")
    BlogPostFactory(author=boris, title="Exporting to Kazakhstan", language="en")
    draft(author=anna, title="Черновик Анны")
    html = client.get(f"/{language}/blogs/").content.decode()
    assert "Как мы защитили патент" in html
    assert 'lang="en"' in html and "Exporting to Kazakhstan" in html
    assert "Черновик Анны" not in html


def test_posts_of_an_inactive_account_are_not_shown(client, blogs_ru):
    gone = MemberFactory(is_active=False)
    post = BlogPostFactory(author=gone, title="Старая заметка")
    assert "Старая заметка" not in client.get("/ru/blogs/").content.decode()
    assert client.get(f"/ru/blogs/{gone.pk}/{post.slug}/").status_code == 404
    assert client.get(f"/ru/blogs/{gone.pk}/").status_code == 404


def test_listing_filters_by_theme_and_region(client, blogs_en, anna, topics, regions):
    BlogPostFactory(
        author=anna, title="О патентах", themes=[topics["ipr"]], region=regions["moscow"]
    )
    BlogPostFactory(author=anna, title="О качестве", themes=[topics["quality-management"]])
    by_theme = client.get("/en/blogs/?theme=ipr").content.decode()
    assert "О патентах" in by_theme and "О качестве" not in by_theme
    by_region = client.get("/ru/blogs/?region=moscow").content.decode()
    assert "О патентах" in by_region and "О качестве" not in by_region
    # A theme that does not exist is ignored, not an error.
    assert "О качестве" in client.get("/ru/blogs/?theme=nonsense").content.decode()


def test_listing_is_paginated(client, blogs_ru, anna):
    BlogPostFactory.create_batch(25, author=anna)
    first = client.get("/ru/blogs/").content.decode()
    assert "?page=2" in first
    assert client.get("/ru/blogs/?page=2").status_code == 200


def test_member_blog_lists_their_published_posts_and_drafts_only_to_them(
    client, blogs_ru, anna, boris
):
    BlogPostFactory(author=anna, title="Опубликовано")
    draft(author=anna, title="Пока черновик")
    BlogPostFactory(author=boris, title="Заметка Бориса")
    html = client.get(f"/ru/blogs/{anna.pk}/").content.decode()
    assert "Опубликовано" in html
    assert "Пока черновик" not in html and "Заметка Бориса" not in html
    assert "Пока черновик" not in logged_in(boris).get(f"/ru/blogs/{anna.pk}/").content.decode()
    assert "Пока черновик" in logged_in(anna).get(f"/ru/blogs/{anna.pk}/").content.decode()


def test_post_page_shows_the_rendered_text(client, blogs_en, anna):
    post = BlogPostFactory(
        author=anna, title="Патент за полгода", html="<p><strong>Вывод</strong></p>"
    )
    for language in ("ru", "en"):
        response = client.get(f"/{language}/blogs/{anna.pk}/{post.slug}/")
        assert response.status_code == 200
        assert "<strong>Вывод</strong>" in response.content.decode()


def test_a_draft_is_seen_by_its_author_only(client, blogs_ru, anna, boris):
    post = draft(author=anna, title="Секретный черновик")
    url = f"/ru/blogs/{anna.pk}/{post.slug}/"
    assert client.get(url).status_code == 404
    assert logged_in(boris).get(url).status_code == 404
    response = logged_in(anna).get(url)
    assert response.status_code == 200 and "Секретный черновик" in response.content.decode()
    # No shared cache may keep the author's view of their draft.
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]


def test_a_post_under_another_member_is_not_found(client, blogs_ru, anna, boris):
    post = BlogPostFactory(author=anna)
    assert client.get(f"/ru/blogs/{boris.pk}/{post.slug}/").status_code == 404


def test_member_feed_lists_published_posts_only(client, blogs_ru, anna):
    post = BlogPostFactory(author=anna, title="В ленте", body="Текст *заметки*")
    draft(author=anna, title="Не в ленте")
    response = client.get(f"/ru/blogs/{anna.pk}/feed/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    feed = response.content.decode()
    assert "В ленте" in feed and "Не в ленте" not in feed
    assert f"/ru/blogs/{anna.pk}/{post.slug}/</link>" in feed


def test_the_pages_have_no_inline_code(client, blogs_ru, anna):
    from tests.helpers import inline_code

    post = BlogPostFactory(author=anna)
    for url in ("/ru/blogs/", f"/ru/blogs/{anna.pk}/", f"/ru/blogs/{anna.pk}/{post.slug}/"):
        assert inline_code(client.get(url).content.decode()) == [], url
    member = logged_in(anna)
    for url in (
        "/ru/blogs/write/",
        f"/ru/blogs/{anna.pk}/{post.slug}/",
        f"/ru/blogs/{anna.pk}/{post.slug}/edit/",
        f"/ru/blogs/{anna.pk}/{post.slug}/delete/",
    ):
        assert inline_code(member.get(url).content.decode()) == [], url


BUDGET = 15


def many_posts(author, topics, regions, count):
    """`count` published posts of `author`, each with two themes and a
    region, made in bulk."""
    from blogs.models import BlogPost

    posts = BlogPost.objects.bulk_create(
        BlogPostFactory.build(author=author, slug=f"bulk-{number}", region=regions["moscow"])
        for number in range(count)
    )
    through = BlogPost.themes.through
    through.objects.bulk_create(
        through(blogpost_id=post.pk, topic_id=topic.pk)
        for post in posts
        for topic in (topics["ipr"], topics["quality-management"])
    )
    return posts


@pytest.mark.parametrize("language", ["ru", "en"])
def test_query_budgets_do_not_grow_with_posts(client, blogs_en, anna, topics, regions, language):
    post = BlogPostFactory(author=anna, themes=[topics["ipr"]], region=regions["moscow"])
    urls = [
        f"/{language}/blogs/",
        f"/{language}/blogs/?theme=ipr&region=moscow",
        f"/{language}/blogs/{anna.pk}/",
        f"/{language}/blogs/{anna.pk}/{post.slug}/",
        f"/{language}/blogs/{anna.pk}/feed/",
    ]
    few = {url: len(warm_queries(client, url, warm_ups=2)) for url in urls}
    many_posts(anna, topics, regions, 60)
    many = {url: len(warm_queries(client, url, warm_ups=2)) for url in urls}
    for url in urls:
        assert many[url] <= BUDGET, (url, many[url])
        assert many[url] == few[url], (url, few[url], many[url])
    # A member's pages (the author sees their drafts too) keep the budget.
    member = logged_in(anna)
    for url in urls[:4]:
        assert len(warm_queries(member, url, warm_ups=2)) <= BUDGET, url
