"""The usual ways to narrow boards, topics and posts down.

    board.topics().for_listing(user).in_language("ru")
    topic.posts.for_thread(user)

Each listing costs the same few queries however many topics or posts it
shows: authors and last posts come in the same query, likes and what a
member has read as annotations.
"""

from django.db.models import (
    BigIntegerField,
    BooleanField,
    Count,
    Exists,
    OuterRef,
    QuerySet,
    Subquery,
    Value,
)
from wagtail.models import PageManager

from home.querysets import PortalPageQuerySet


class BoardPageQuerySet(PortalPageQuerySet):
    def in_order(self):
        return self.order_by("sort_order", "title")


BoardPageManager = PageManager.from_queryset(BoardPageQuerySet)


class TopicQuerySet(QuerySet):
    def for_listing(self, user):
        """Pinned topics first, then the latest activity; with the author,
        the last post and its author, and for a member the last post they
        have read (`last_read_post_id`, None for a topic never opened)."""
        topics = self.select_related("author", "last_post__author").order_by(
            "-is_pinned", "-last_activity_at", "-pk"
        )
        return topics.with_last_read(user)

    def with_last_read(self, user):
        if not user.is_authenticated:
            return self.annotate(last_read_post_id=Value(None, output_field=BigIntegerField()))
        from forums.models import TopicRead

        reads = TopicRead.objects.filter(member=user, topic=OuterRef("pk"))
        return self.annotate(last_read_post_id=Subquery(reads.values("last_read_post_id")[:1]))

    def public(self):
        """Topics everyone who can see the board may see: not held for a
        moderator, not hidden."""
        from forums.choices import Visibility

        return self.filter(visibility=Visibility.PUBLISHED)

    def in_language(self, language):
        return self.filter(language=language)


class PostQuerySet(QuerySet):
    def public(self):
        """Posts everyone who can see the topic may see: not deleted, not
        held for a moderator, not hidden; in a public topic."""
        from forums.choices import Visibility

        return self.filter(
            is_deleted=False,
            visibility=Visibility.PUBLISHED,
            topic__visibility=Visibility.PUBLISHED,
        )

    def for_thread(self, user):
        """The posts of a thread in order, with their authors, their number
        of likes and whether `user` liked each."""
        posts = self.select_related("author").order_by("pk").annotate(like_count=Count("likes"))
        if not user.is_authenticated:
            return posts.annotate(liked=Value(False, output_field=BooleanField()))
        from forums.models import Like

        return posts.annotate(liked=Exists(Like.objects.filter(post=OuterRef("pk"), member=user)))
