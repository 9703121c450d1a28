"""The usual ways to narrow boards, topics and posts down.

    board.topics().seen_by(user, moderator).for_listing(user).in_language("ru")
    topic.posts.seen_by(user, moderator).for_thread(user)

What everyone may see is public(); seen_by() adds what a member wrote
that waits for a moderator, and for a moderator everything.

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
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.functions import Coalesce
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

    def with_own_held(self, user):
        """`own_held`: how many of `user`'s posts in the topic wait for a
        moderator (for the thread's page count, without counting it)."""
        if not user.is_authenticated:
            return self.annotate(own_held=Value(0, output_field=BigIntegerField()))
        from forums.choices import Visibility
        from forums.models import Post

        held = (
            Post.objects.filter(topic=OuterRef("pk"), author=user, visibility=Visibility.HELD)
            .order_by()
            .values("topic")
            .annotate(number=Count("pk"))
            .values("number")
        )
        return self.annotate(own_held=Coalesce(Subquery(held), 0))

    def public(self):
        """Topics everyone who can see the board may see: not held for a
        moderator, not hidden."""
        from forums.choices import Visibility

        return self.filter(visibility=Visibility.PUBLISHED)

    def seen_by(self, user, moderator):
        """The topics `user` may open: public ones, their own waiting for a
        moderator, and every one for a moderator (`moderator`: whether the
        user moderates the board)."""
        return _seen_by(self, user, moderator)

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

    def seen_by(self, user, moderator):
        """The posts of a thread `user` is shown: published ones (deleted
        ones stay in the thread as "deleted"), their own waiting for a
        moderator, and every one for a moderator."""
        return _seen_by(self, user, moderator)

    def for_thread(self, user):
        """The posts of a thread in order, with their authors, their number
        of likes and whether `user` liked each."""
        posts = self.select_related("author").order_by("pk").annotate(like_count=Count("likes"))
        if not user.is_authenticated:
            return posts.annotate(liked=Value(False, output_field=BooleanField()))
        from forums.models import Like

        return posts.annotate(liked=Exists(Like.objects.filter(post=OuterRef("pk"), member=user)))


def _seen_by(queryset, user, moderator):
    from forums.choices import Visibility

    if moderator:
        return queryset
    shown = Q(visibility=Visibility.PUBLISHED)
    if user.is_authenticated:
        shown |= Q(visibility=Visibility.HELD, author=user)
    return queryset.filter(shown)
