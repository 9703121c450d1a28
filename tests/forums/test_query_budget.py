"""The forums index, a board and a topic render in a number of SQL
queries that does not grow with the number of boards, topics, posts or
likes, and stays within the portal's budget of 15, for a visitor and for
a member, in both languages."""

import pytest
from django.utils import timezone

from forums.models import Like, Post, Topic
from home.models import SiteSettings
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory
from tests.helpers import warm_queries

BUDGET = 15
# A member's page also reads the session, the account, its permissions,
# the bell and the follow button (the portal's event pages allow 20).
MEMBER_BUDGET = 22

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
    posts = Post.objects.bulk_create(
        Post(topic=topic, author=topic.author, body="Текст", html="<p>Текст</p>")
        for topic in topics
    )
    for topic, post in zip(topics, posts, strict=True):
        topic.last_post = post
    Topic.objects.bulk_update(topics, ["last_post"])


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
        client.budget = MEMBER_BUDGET
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
@pytest.mark.parametrize("language", ["ru", "en"])
def test_a_topic_stays_within_budget(reader, board_en, authors, language, path):
    topic = ForumTopicFactory(board=board_en, author=authors[0])
    add_posts(topic, authors, 30)
    url = f"/{language}/forums/questions/t/{topic.pk}/{path}"
    small = len(warm_queries(reader, url))

    add_posts(topic, authors, 200)
    large = len(warm_queries(reader, url))

    assert "Ответ 0" in reader.get(url).text
    assert small <= reader.budget
    assert large == small
