"""The forums index, a board and a topic render in a number of SQL
queries that does not grow with the number of boards, topics, posts or
likes, and stays within the portal's budget of 15, for a visitor and for
a member, in both languages: a board of 10 or 10,000 topics, a topic of
10 or 500 posts. A member's own state (groups, the editing bar, follow
buttons) comes from the cache; reading along writes nothing."""

import pytest
from django.db.models import OuterRef, Subquery
from django.test import Client
from django.utils import timezone

from forums.models import Like, Post, Topic
from home.models import SiteSettings
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory
from tests.helpers import warm_queries

BUDGET = 15

pytestmark = pytest.mark.django_db


def add_topics(board, authors, count):
    """`count` topics in both languages, each with a first post as its last
    post, made in bulk."""
    topics = Topic.objects.bulk_create(
        ForumTopicFactory.build(
            board=board,
            author=authors[number % len(authors)],
            language="en" if number % 2 else "ru",
            is_pinned=number % 50 == 0,
        )
        for number in range(count)
    )
    Post.objects.bulk_create(
        Post(topic=topic, author=topic.author, body="Текст", html="<p>Текст</p>")
        for topic in topics
    )
    first_post = Post.objects.filter(topic=OuterRef("pk")).order_by("pk").values("pk")[:1]
    Topic.objects.filter(last_post=None).update(last_post=Subquery(first_post))


def add_posts(topic, authors, count):
    posts = Post.objects.bulk_create(
        Post(
            topic=topic,
            author=authors[number % len(authors)],
            body=f"Ответ {number}",
            html=f"<p>Ответ {number}</p>",
            edited_at=timezone.now() if number % 7 == 0 else None,
        )
        for number in range(count)
    )
    Like.objects.bulk_create(
        Like(post=post, member=authors[(number + 1) % len(authors)])
        for number, post in enumerate(posts)
    )
    # The answer accepted is among the first replies, on the first page.
    Topic.objects.filter(pk=topic.pk).update(
        reply_count=topic.posts.count() - 1,
        last_post=posts[-1],
        accepted_post=topic.accepted_post_id or posts[0].pk,
    )
    topic.refresh_from_db()


@pytest.fixture
def authors(site):
    SiteSettings.for_site(site)  # made once, as on a running site
    return [MemberFactory(username=f"writer-{number}") for number in range(4)]


@pytest.fixture(params=["visitor", "member"])
def reader(request, client, authors):
    client.budget = BUDGET
    if request.param == "member":
        client.force_login(authors[0])
    return client


@pytest.mark.parametrize("language", ["ru", "en"])
def test_forums_index_stays_within_budget(
    reader, forums_ru, forums_en, board_en, authors, language
):
    add_topics(board_en, authors, 10)
    small = len(warm_queries(reader, f"/{language}/forums/"))

    for number in range(5):
        BoardPageFactory(parent=forums_ru, slug=f"more-{number}")
    add_topics(board_en, authors, 100)
    large = len(warm_queries(reader, f"/{language}/forums/"))

    assert small <= reader.budget
    assert large == small


@pytest.mark.parametrize("path", ["", "?language=mine", "?page=2"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_board_stays_within_budget(reader, board_en, authors, language, path):
    add_topics(board_en, authors, 30)
    url = f"/{language}/forums/questions/{path}"
    small = len(warm_queries(reader, url))

    add_topics(board_en, authors, 300)
    large = len(warm_queries(reader, url))

    assert small <= reader.budget
    assert large == small


@pytest.mark.parametrize("path", ["", "?page=2"])
def test_a_board_of_10000_topics_costs_what_one_of_10_does(reader, board_en, authors, path):
    add_topics(board_en, authors, 10)
    url = f"/ru/forums/questions/{path}"
    small = len(warm_queries(reader, url.replace("2", "1")))

    add_topics(board_en, authors, 9_990)
    large = len(warm_queries(reader, url))

    assert Topic.objects.count() == 10_000
    assert small <= reader.budget
    assert large == small


@pytest.mark.parametrize("path", ["", "?page=2"])
@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_topic_stays_within_budget(reader, board_en, authors, language, path):
    topic = ForumTopicFactory(board=board_en, author=authors[0])
    add_posts(topic, authors, 9)
    url = f"/{language}/forums/questions/t/{topic.pk}/{path}"
    small = len(warm_queries(reader, url))

    add_posts(topic, authors, 490)
    large = len(warm_queries(reader, url))

    assert topic.posts.count() == 500
    assert small <= reader.budget
    assert large == small


def test_reading_along_writes_nothing_for_a_member_and_counts_a_visitors_view(
    client, board_en, authors
):
    topic = ForumTopicFactory(board=board_en, author=authors[1])
    add_posts(topic, authors, 30)
    url = f"/ru/forums/questions/t/{topic.pk}/"
    member = Client()
    member.force_login(authors[0])

    writes = [sql for sql in warm_queries(member, url) if not sql.startswith("SELECT")]
    assert writes == []
    writes = [sql for sql in warm_queries(client, url) if not sql.startswith("SELECT")]
    assert len(writes) == 1 and "view_count" in writes[0]
    topic.refresh_from_db()
    # The member's first visit and the visitor's two.
    assert topic.view_count == 3
