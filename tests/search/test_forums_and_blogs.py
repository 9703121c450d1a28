"""Forum topics and member blog posts in the portal search: found by their
words, shown with a link, a snippet, a date and their language, counted in
the type facet as "Forum" and "Blogs", and never when visitors may not see
them."""

import pytest
from django.core.management import call_command
from django.utils import timezone
from wagtail.models import PageViewRestriction

from blogs.choices import PostStatus
from forums.choices import Visibility
from tests.factories import BlogPostFactory, ForumPostFactory, ForumTopicFactory, MemberFactory


def found(response):
    return [item.url for item in response.context["outcome"].items]


def type_facet(response):
    groups = {group.name: group for group in response.context["outcome"].facets}
    if "type" not in groups:
        return {}
    return {option.value: (option.label, option.count) for option in groups["type"].options}


def topic_url(board, topic):
    return f"{board.url}t/{topic.pk}/"


@pytest.fixture
def topic(board_ru):
    return ForumTopicFactory(
        board=board_ru, title="Венчурные фонды", first_post="Кто инвестирует в оборудование?"
    )


@pytest.mark.django_db
def test_a_topic_is_found_by_its_title_and_by_its_posts(client, board_ru, topic):
    ForumPostFactory(topic=topic, body="Попробуйте **акселераторы** при университетах.")

    by_title = client.get("/ru/search/", {"q": "венчурный фонд"})
    by_post = client.get("/ru/search/", {"q": "акселератор"})

    assert found(by_title) == [topic_url(board_ru, topic)]
    assert found(by_post) == [topic_url(board_ru, topic)]
    item = by_post.context["outcome"].items[0]
    assert item.type_label == "Тема форума"
    assert item.language == "ru"
    assert item.date == timezone.localdate(topic.created_at)
    assert "<mark>акселераторы</mark>" in item.snippet
    assert "**" not in item.snippet
    assert "<mark>" in by_title.text


@pytest.mark.django_db
def test_topics_of_either_language_are_found_and_marked_with_their_language(
    client, board_ru, board_en
):
    english = ForumTopicFactory(
        board=board_en, title="Hardware startups", language="en", first_post="Who invests?"
    )

    russian_page = client.get("/ru/search/", {"q": "hardware"})
    english_page = client.get("/en/search/", {"q": "hardware"})

    # The link leads to the board in the visitor's language: boards list
    # the topics of both languages.
    assert found(russian_page) == [topic_url(board_ru, english)]
    assert found(english_page) == [topic_url(board_en, english)]
    assert 'lang="en"' in russian_page.text
    assert 'class="search-result-language">English<' in russian_page.text
    assert 'class="search-result-language"' not in english_page.text


@pytest.mark.django_db
def test_blog_posts_are_found_in_the_language_searched(client, blogs_ru, blogs_en, regions):
    russian = BlogPostFactory(
        title="Патенты для малого бизнеса",
        body="Как мы получили **патент**.",
        html="<p>Как мы получили <strong>патент</strong>.</p>",
        region=regions["moscow"],
    )
    english = BlogPostFactory(title="Patents for small companies", language="en", slug="patents")

    russian_page = client.get("/ru/search/", {"q": "патент"})
    english_page = client.get("/en/search/", {"q": "patent"})
    every_language = client.get("/ru/search/", {"q": "patent", "all": "1"})

    assert found(russian_page) == [f"/ru/blogs/{russian.author_id}/{russian.slug}/"]
    item = russian_page.context["outcome"].items[0]
    assert item.type_label == "Запись блога"
    assert item.region == "Москва"
    assert item.date == timezone.localdate(russian.published_at)
    assert "<mark>патент</mark>" in item.snippet
    assert "<strong>" not in item.snippet
    assert found(english_page) == [f"/en/blogs/{english.author_id}/patents/"]
    assert found(every_language) == [f"/ru/blogs/{english.author_id}/patents/"]


@pytest.mark.django_db
def test_the_type_facet_counts_and_narrows_to_forum_and_blogs(
    client, make_page, board_ru, blogs_ru
):
    make_page("funds", "Венчурные фонды региона")
    topics = [ForumTopicFactory(board=board_ru, title=f"Фонды {n}") for n in range(3)]
    BlogPostFactory(title="Фонды и гранты")

    everything = client.get("/ru/search/", {"q": "фонды"})
    forum = client.get("/ru/search/", {"q": "фонды", "type": "forums.topic"})
    blogs = client.get("/ru/search/", {"q": "фонды", "type": "blogs.blogpost"})
    pages = client.get("/ru/search/", {"q": "фонды", "type": "home.standardpage"})

    expected = {
        "home.standardpage": ("Обычная страница", 1),
        "forums.topic": ("Форум", 3),
        "blogs.blogpost": ("Блоги", 1),
    }
    assert type_facet(everything) == expected
    assert everything.context["outcome"].count == 5
    # Pages first, then blog posts, then topics.
    assert [item.type_label for item in everything.context["outcome"].items] == [
        "Обычная страница",
        "Запись блога",
        "Тема форума",
        "Тема форума",
        "Тема форума",
    ]
    assert forum.context["outcome"].count == 3
    assert sorted(found(forum)) == sorted(topic_url(board_ru, topic) for topic in topics)
    assert type_facet(forum) == expected
    assert blogs.context["outcome"].count == 1
    assert found(blogs)[0].startswith("/ru/blogs/")
    assert pages.context["outcome"].count == 1
    assert found(pages) == ["/ru/funds/"]
    assert "Форум" in forum.text and "Блоги" in forum.text


@pytest.mark.django_db
def test_a_theme_or_region_narrows_to_pages_with_counts_that_add_up(
    client, make_page, board_ru, blogs_ru, regions
):
    make_page("funds", "Венчурные фонды", region=regions["moscow"])
    ForumTopicFactory(board=board_ru, title="Фонды")
    BlogPostFactory(title="Фонды", region=regions["moscow"])

    response = client.get("/ru/search/", {"q": "фонды", "region": "moscow"})

    assert found(response) == ["/ru/funds/"]
    assert type_facet(response) == {"home.standardpage": ("Обычная страница", 1)}
    assert response.context["outcome"].count == 1


@pytest.mark.django_db
@pytest.mark.parametrize("visibility", [Visibility.HELD, Visibility.HIDDEN])
def test_held_and_hidden_topics_are_never_found(client, board_ru, visibility):
    ForumTopicFactory(board=board_ru, title="Венчурные фонды", visibility=visibility)

    response = client.get("/ru/search/", {"q": "венчурный фонд"})
    forum = client.get("/ru/search/", {"q": "венчурный фонд", "type": "forums.topic"})

    assert response.context["outcome"].count == 0
    assert found(forum) == []
    assert type_facet(response) == {}


@pytest.mark.django_db
@pytest.mark.parametrize(
    "state",
    [
        {"visibility": Visibility.HELD},
        {"visibility": Visibility.HIDDEN},
        {"is_deleted": True},
    ],
)
def test_held_hidden_and_deleted_posts_never_make_a_topic_found(client, board_ru, topic, state):
    ForumPostFactory(topic=topic, body="Секретный акселератор и маркетинг.", **state)

    secret = client.get("/ru/search/", {"q": "акселератор"})
    by_title = client.get("/ru/search/", {"q": "венчурный фонд маркетинг"})
    title_only = client.get("/ru/search/", {"q": "венчурный фонд"})

    assert secret.context["outcome"].count == 0
    assert by_title.context["outcome"].count == 0
    assert found(title_only) == [topic_url(board_ru, topic)]
    assert "акселератор" not in title_only.context["outcome"].items[0].snippet


@pytest.mark.django_db
def test_topics_of_unpublished_or_private_boards_are_never_found(client, forums_ru, board_ru):
    from tests.factories import BoardPageFactory

    draft = BoardPageFactory(parent=forums_ru, slug="draft")
    private = BoardPageFactory(parent=forums_ru, slug="private")
    for board in (draft, private):
        ForumTopicFactory(board=board, title="Венчурные фонды")
    draft.unpublish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/ru/search/", {"q": "венчурный фонд"})

    assert response.context["outcome"].count == 0
    assert type_facet(response) == {}


@pytest.mark.django_db
@pytest.mark.parametrize("change", ["unpublish", "restrict"])
def test_a_board_going_unpublished_or_private_takes_its_topics_out_at_once(
    client, forums_ru, change
):
    from tests.factories import BoardPageFactory

    board = BoardPageFactory(parent=forums_ru, slug="funds")
    ForumTopicFactory(board=board, title="Венчурные фонды")
    assert client.get("/ru/search/", {"q": "венчурный фонд"}).context["outcome"].count == 1

    if change == "unpublish":
        board.unpublish()
    else:
        PageViewRestriction.objects.create(page=board, restriction_type=PageViewRestriction.LOGIN)

    response = client.get("/ru/search/", {"q": "венчурный фонд"})
    assert response.context["outcome"].count == 0
    assert type_facet(response) == {}


@pytest.mark.django_db
def test_drafts_and_posts_of_inactive_members_are_never_found(client, blogs_ru):
    BlogPostFactory(title="Патенты: черновик", status=PostStatus.DRAFT, published_at=None)
    BlogPostFactory(title="Патенты бывшего участника", author=MemberFactory(is_active=False))

    response = client.get("/ru/search/", {"q": "патенты"})
    blogs = client.get("/ru/search/", {"q": "патенты", "type": "blogs.blogpost"})

    assert response.context["outcome"].count == 0
    assert found(blogs) == []


@pytest.mark.django_db
def test_a_moderator_hiding_or_deleting_a_post_takes_it_out_of_the_results(client, board_ru, topic):
    reply = ForumPostFactory(topic=topic, body="Акселераторы при университетах.")
    assert client.get("/ru/search/", {"q": "акселератор"}).context["outcome"].count == 1

    reply.visibility = Visibility.HIDDEN
    reply.save()
    assert client.get("/ru/search/", {"q": "акселератор"}).context["outcome"].count == 0

    reply.visibility = Visibility.PUBLISHED
    reply.save()
    assert client.get("/ru/search/", {"q": "акселератор"}).context["outcome"].count == 1

    reply.is_deleted = True
    reply.save()
    assert client.get("/ru/search/", {"q": "акселератор"}).context["outcome"].count == 0

    other = ForumPostFactory(topic=topic, body="Бизнес-инкубаторы тоже помогают.")
    assert client.get("/ru/search/", {"q": "инкубатор"}).context["outcome"].count == 1
    other.delete()
    assert client.get("/ru/search/", {"q": "инкубатор"}).context["outcome"].count == 0


@pytest.mark.django_db
def test_an_edited_post_is_found_by_its_new_words(client, board_ru, topic):
    first = topic.posts.get()
    first.body = "Кто вкладывает в робототехнику?"
    first.html = "<p>Кто вкладывает в робототехнику?</p>"
    first.save()

    assert client.get("/ru/search/", {"q": "робототехника"}).context["outcome"].count == 1
    assert client.get("/ru/search/", {"q": "оборудование"}).context["outcome"].count == 0


@pytest.mark.django_db
def test_hiding_or_deleting_a_topic_takes_it_out_of_the_results(client, board_ru, topic):
    topic.visibility = Visibility.HIDDEN
    topic.save()
    assert client.get("/ru/search/", {"q": "венчурный фонд"}).context["outcome"].count == 0

    topic.visibility = Visibility.PUBLISHED
    topic.save()
    assert client.get("/ru/search/", {"q": "венчурный фонд"}).context["outcome"].count == 1

    topic.delete()
    assert client.get("/ru/search/", {"q": "венчурный фонд"}).context["outcome"].count == 0


@pytest.mark.django_db
def test_unpublishing_deleting_or_deactivating_takes_a_blog_post_out(client, blogs_ru):
    post = BlogPostFactory(title="Патенты для малого бизнеса")
    assert client.get("/ru/search/", {"q": "патенты"}).context["outcome"].count == 1

    post.status = PostStatus.DRAFT
    post.save()
    assert client.get("/ru/search/", {"q": "патенты"}).context["outcome"].count == 0

    post.status = PostStatus.PUBLISHED
    post.save()
    post.author.is_active = False
    post.author.save()
    assert client.get("/ru/search/", {"q": "патенты"}).context["outcome"].count == 0

    post.author.is_active = True
    post.author.save()
    assert client.get("/ru/search/", {"q": "патенты"}).context["outcome"].count == 1
    post.delete()
    assert client.get("/ru/search/", {"q": "патенты"}).context["outcome"].count == 0


@pytest.mark.django_db
def test_results_page_through_pages_blog_posts_and_topics(client, make_page, board_ru, blogs_ru):
    for number in range(6):
        make_page(f"funds-{number}", f"Фонды {number}")
        BlogPostFactory(title=f"Фонды {number}")
        ForumTopicFactory(board=board_ru, title=f"Фонды {number}")

    pages = [client.get("/ru/search/", {"q": "фонды", "page": str(n)}) for n in (1, 2)]

    urls = found(pages[0]) + found(pages[1])
    assert pages[0].context["outcome"].count == 18
    assert len(urls) == len(set(urls)) == 18
    assert [item.type_label for item in pages[1].context["outcome"].items] == [
        "Запись блога"
    ] * 2 + ["Тема форума"] * 6


@pytest.mark.django_db
def test_rebuilding_the_index_keeps_hidden_posts_out(client, board_ru, topic):
    ForumPostFactory(topic=topic, body="Секретные инкубаторы.", visibility=Visibility.HIDDEN)
    ForumPostFactory(topic=topic, body="Открытые акселераторы.")

    call_command("update_index", verbosity=0)

    assert client.get("/ru/search/", {"q": "инкубатор"}).context["outcome"].count == 0
    assert client.get("/ru/search/", {"q": "акселератор"}).context["outcome"].count == 1


@pytest.mark.django_db
def test_a_long_thread_indexes_a_bounded_text(board_ru, topic, monkeypatch):
    monkeypatch.setattr("forums.models.discussions.SEARCH_TEXT_LENGTH", 50)
    for number in range(5):
        ForumPostFactory(topic=topic, body=f"Длинное сообщение номер {number}.")

    text = topic.public_text()

    assert len(text) == 50
    assert text.startswith("Кто инвестирует в оборудование?")
