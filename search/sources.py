"""What the search finds besides pages: forum topics and member blog posts.

Each kind is a Source: its value in the type facet ("forums.topic",
"blogs.blogpost"), how the facet names it ("Forum", "Blogs"), what
visitors may find of it, and how a page of its results is shown.

What visitors may find is decided here, when searching, never in the
index, so a change of visibility shows at once:

- forum topics: `Topic.objects.public()` (not held, not hidden) of boards
  visitors may see (live and public, in either language); a topic is found
  by its title and the text of its public posts (forums/models), in both
  languages, since each board lists the topics of both;
- blog posts: `BlogPost.objects.published()` (published, by an active
  member), in the languages searched.

The portal's database backends filter with the visibility's own SQL.
Elasticsearch and OpenSearch filter on FilterFields only, so they get every
object but the ones visibility leaves out, by id, as pages do
(search.service.searched_pages).

Neither kind carries themes, regions or years in the search's facets: a
search narrowed by one of those shows pages only, so the counts stay right.
Results of each kind take a fixed number of queries, however many there are.
"""

import html

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend

from blogs.models import BlogPost, blog_index
from forums.models import BoardPage, Post, Topic
from forums.targets import boards_by_key
from home.caching import PAGES, cached
from search import text

# Posts read for the snippet of a topic on a page of results.
SNIPPET_POSTS = 5
# How long the visible boards are kept at most (a board that expires
# unpublishes itself, which changes PAGES anyway).
BOARD_KEYS_SECONDS = 300


def visible_board_keys():
    """The translation keys of the boards visitors may see, as a list: a
    handful, read once until pages change. Given to the database as
    values (not a subquery), they let PostgreSQL estimate how many topics
    match; with a subquery it expected one and compared every matching
    index entry with every topic (seconds with 20,000 topics)."""

    def build():
        return sorted(BoardPage.objects.visible().values_list("translation_key", flat=True))

    return cached("search:board-keys", build, PAGES, timeout=BOARD_KEYS_SECONDS)


def _unescaped(markup):
    """Plain text of the cleaned HTML of a post."""
    return html.unescape(strip_tags(markup)) if markup else ""


def _searchable(model, visible):
    """`visible` in a form every backend can filter on (see module docstring)."""
    if getattr(get_search_backend(), "accepts_any_filter", False):
        return visible
    hidden = model.objects.exclude(pk__in=visible.values("pk"))
    return model.objects.exclude(pk__in=hidden.values("pk"))


class ForumTopics:
    type = "forums.topic"
    label = _("Forum")
    item_label = _("Forum topic")

    def visible(self, codes):
        return Topic.objects.public().filter(board_key__in=visible_board_keys())

    def searchable(self, codes):
        public = Post.objects.public().order_by("pk").only("topic_id", "body", "html")
        return (
            _searchable(Topic, self.visible(codes))
            .order_by()
            .prefetch_related(Prefetch("posts", public[:SNIPPET_POSTS], to_attr="snippet_posts"))
        )

    def items(self, topics, request, terms, query_stems):
        from search.service import Result

        boards = boards_by_key({topic.board_key for topic in topics})
        items = {}
        for topic in topics:
            board = boards.get(topic.board_key)
            if board is None:
                continue
            posts = " ".join(_unescaped(post.html) for post in topic.snippet_posts)
            items[topic.pk] = Result(
                page=None,
                url=board.topic_url(topic.pk),
                type_label=str(self.item_label),
                title=text.highlight(topic.title, query_stems),
                snippet=text.snippet(" ".join(posts.split()), query_stems),
                themes=[],
                region="",
                date=timezone.localdate(topic.created_at),
                language=topic.language,
            )
        return items


class BlogPosts:
    type = "blogs.blogpost"
    label = _("Blogs")
    item_label = _("Blog post")

    def visible(self, codes):
        return BlogPost.objects.published().filter(language__in=codes)

    def searchable(self, codes):
        return (
            _searchable(BlogPost, self.visible(codes))
            .filter(language__in=codes)
            .order_by()
            .select_related("region")
        )

    def items(self, posts, request, terms, query_stems):
        from search.service import Result

        index = blog_index()
        if index is None:
            return {}
        items = {}
        for post in posts:
            region = terms.region(post.region.slug) if post.region else None
            items[post.pk] = Result(
                page=None,
                url=index.post_url(post, request),
                type_label=str(self.item_label),
                title=text.highlight(post.title, query_stems),
                snippet=text.snippet(" ".join(_unescaped(post.html).split()), query_stems),
                themes=[],
                region=region.name if region else "",
                date=timezone.localdate(post.published_at),
                language=post.language,
            )
        return items


# In the order their results follow the pages' results.
SOURCES = (BlogPosts(), ForumTopics())
BY_TYPE = {source.type: source for source in SOURCES}
