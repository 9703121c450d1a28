"""The blogs elsewhere on the portal: the home page, "What's new",
notifications, the admin's featuring, and "My data"."""

import pytest
from django.urls import reverse

from blogs.choices import PostStatus
from blogs.models import BlogPost
from blogs.viewsets import blog_post_viewset
from home.member_data import export_member_data
from notifications.targets import present
from tests.factories import BlogPostFactory, MemberFactory, StaffFactory
from tests.helpers import AdminClient, logged_in

pytestmark = pytest.mark.django_db


def draft(**fields):
    return BlogPostFactory(status=PostStatus.DRAFT, published_at=None, **fields)


@pytest.mark.parametrize("language", ["ru", "en"])
def test_home_page_shows_recent_posts_featured_first(client, blogs_en, anna, language):
    BlogPostFactory(author=anna, title="Новая заметка")
    BlogPostFactory(author=anna, title="Старая, но отмеченная", featured=True)
    draft(author=anna, title="Черновик на главной")
    html = client.get(f"/{language}/").content.decode()
    assert "Новая заметка" in html
    assert html.index("Старая, но отмеченная") < html.index("Новая заметка")
    assert "Черновик на главной" not in html
    assert f'href="/{language}/blogs/{anna.pk}/' in html


def test_home_page_follows_changes_at_once(client, blogs_ru, anna):
    withdrawn = BlogPostFactory(author=anna, title="Снова черновик")
    deleted = BlogPostFactory(author=anna, title="Скоро удалю")
    html = client.get("/ru/").content.decode()
    assert "Снова черновик" in html and "Скоро удалю" in html
    assert "Запись блога" in html  # What's new names the kind in Russian
    withdrawn.status = PostStatus.DRAFT
    withdrawn.save()
    deleted.delete()
    html = client.get("/ru/").content.decode()
    assert "Снова черновик" not in html and "Скоро удалю" not in html


def test_whats_new_lists_published_posts_only(blogs_en, anna):
    from home.whats_new import collect

    BlogPostFactory(author=anna, title="В новостях портала")
    draft(author=anna, title="Черновик в новостях")
    entries = collect(blogs_en.locale_id)["entries"]
    titles = [entry.title for entry in entries]
    assert "В новостях портала" in titles and "Черновик в новостях" not in titles
    entry = entries[titles.index("В новостях портала")]
    assert entry.url.startswith(f"/en/blogs/{anna.pk}/")


def test_notifications_never_name_a_draft_or_a_post_of_a_closed_account(blogs_ru, anna, boris):
    published = BlogPostFactory(author=anna, title="Видна")
    hidden = draft(author=anna, title="Не видна")
    gone = BlogPostFactory(author=MemberFactory(is_active=False), title="Автор ушёл")
    shown = present([published, hidden, gone], boris)
    assert list(shown) == [(BlogPost, published.pk)]
    assert shown[(BlogPost, published.pk)].url == f"/ru/blogs/{anna.pk}/{published.slug}/"


def test_members_follow_a_blog_from_its_page(blogs_ru, anna, boris):
    from notifications.follows import follow
    from notifications.models import Follow
    from tests.helpers import csrf_client, csrf_token

    BlogPostFactory(author=anna)
    client = csrf_client(boris)
    token = csrf_token(client, f"/ru/blogs/{anna.pk}/")
    html = client.get(f"/ru/blogs/{anna.pk}/").content.decode()
    assert 'name="kind" value="blog"' in html and f'name="key" value="{anna.pk}"' in html
    data = {"kind": "blog", "key": str(anna.pk), "next": f"/ru/blogs/{anna.pk}/"}
    assert client.post("/ru/notifications/follow/", data).status_code == 403  # no token
    assert not Follow.objects.exists()
    client.post("/ru/notifications/follow/", data | {"csrfmiddlewaretoken": token})
    assert Follow.objects.filter(user=boris, kind="blog", key=str(anna.pk)).exists()
    # Nobody follows a blog that does not exist, or their own.
    assert not follow(boris, "blog", "999999")
    assert not follow(anna, "blog", str(anna.pk))


def test_editors_feature_a_post_in_the_admin(blogs_ru, anna, staff):
    post = BlogPostFactory(author=anna, title="Достойна главной")
    editor = AdminClient(staff["editor"])
    listing = editor.get(reverse(blog_post_viewset.get_url_name("index")))
    assert listing.status_code == 200 and "Достойна главной" in listing.content.decode()
    url = reverse(blog_post_viewset.get_url_name("edit"), args=[post.pk])
    response = editor.send("post", url, {"featured": "on", "title": "Изменено редактором"})
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.featured and post.title == "Достойна главной"


def test_members_and_translators_cannot_feature(blogs_ru, anna, staff):
    post = BlogPostFactory(author=anna)
    url = reverse(blog_post_viewset.get_url_name("edit"), args=[post.pk])
    assert logged_in(anna).post(url, {"featured": "on"}).status_code in (302, 403)
    translator = AdminClient(staff["translator"])
    assert translator.send("post", url, {"featured": "on"}).status_code in (302, 403)
    post.refresh_from_db()
    assert not post.featured


def test_my_data_holds_the_posts_and_deleting_the_account_removes_them(blogs_ru, anna, topics):
    BlogPostFactory(author=anna, title="Моя заметка", themes=[topics["ipr"]])
    draft(author=anna, title="Мой черновик")
    BlogPostFactory(title="Чужая заметка")
    exported = export_member_data(anna)["blog_posts"]
    assert [post["title"] for post in exported] == ["Моя заметка", "Мой черновик"]
    assert exported[0]["themes"] == ["ipr"] and exported[1]["status"] == "draft"
    anna.delete()
    assert list(BlogPost.objects.values_list("title", flat=True)) == ["Чужая заметка"]


def test_staff_fixture_is_not_a_member_of_the_blog(staff):
    # Guards the featuring tests: the editor may change posts, the
    # translator may not.
    assert staff["editor"].has_perm("blogs.change_blogpost")
    assert not staff["translator"].has_perm("blogs.change_blogpost")
    assert not StaffFactory(username="nobody").has_perm("blogs.change_blogpost")


def test_a_warm_home_page_spends_no_query_on_the_blogs(client, blogs_en, anna):
    from tests.blogs.test_pages import BUDGET
    from tests.helpers import warm_queries

    BlogPostFactory(author=anna)
    few = warm_queries(client, "/ru/", warm_ups=2)
    BlogPostFactory.create_batch(30, author=anna)
    many = warm_queries(client, "/ru/", warm_ups=2)
    assert len(many) == len(few) <= BUDGET
    assert not [sql for sql in many if "blogs_" in sql]


@pytest.mark.parametrize("language", ["ru", "en"])
def test_followers_read_of_a_new_post_in_their_notifications(blogs_en, anna, boris, language):
    from blogs.notices import notify_followers
    from notifications.models import Follow

    Follow.objects.create(user=boris, kind="blog", key=str(anna.pk))
    post = BlogPostFactory(author=anna, title="Новая заметка Анны")
    hidden = draft(author=anna, title="Черновик Анны")
    assert notify_followers.call(post.pk) == 1
    assert notify_followers.call(hidden.pk) == 0
    client = logged_in(boris)
    html = client.get(f"/{language}/notifications/").content.decode()
    assert "Новая заметка Анны" in html and "Черновик Анны" not in html
    notification = boris.notifications.get()
    opened = client.post(f"/{language}/notifications/{notification.pk}/open/")
    assert opened.status_code == 302
    assert opened["Location"].endswith(f"/{language}/blogs/{anna.pk}/{post.slug}/")
