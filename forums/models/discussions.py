"""What members write in the forums: topics, their posts, the earlier
versions of edited posts, likes and how far each member has read.

Plain models built for volume: a board lists its topics from one index
(board, pinned, last activity), a topic its posts from another (topic,
id). A topic belongs to its board in every language through the board's
translation key; its reply count and last post are kept by
forums/posting.py, in the transaction that adds the post.
"""

from django.conf import settings
from django.db import models
from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from wagtail.search import index

from forums.choices import Visibility
from forums.queries import PostQuerySet, TopicQuerySet

# How much of a topic's posts the search index takes in.
SEARCH_TEXT_LENGTH = 100_000


class Topic(index.Indexed, models.Model):
    board_key = models.UUIDField(_("board"), help_text=_("The board's translation key."))
    title = models.CharField(_("title"), max_length=200)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_topics",
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), auto_now_add=True)
    last_post = models.ForeignKey(
        "forums.Post", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reply_count = models.PositiveIntegerField(_("replies"), default=0)
    view_count = models.PositiveIntegerField(_("views"), default=0)
    is_pinned = models.BooleanField(_("pinned"), default=False)
    is_locked = models.BooleanField(_("locked"), default=False)
    is_solved = models.BooleanField(_("solved"), default=False)
    accepted_post = models.ForeignKey(
        "forums.Post",
        verbose_name=_("accepted answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    objects = TopicQuerySet.as_manager()

    # The portal search (search/sources.py) finds a topic by its title and
    # the text of its public posts; which topics it shows is decided when
    # searching, by `public()` and the board's visibility.
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("public_text"),
        index.FilterField("id"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        indexes = [
            models.Index(
                fields=["board_key", "-is_pinned", "-last_activity_at"], name="forums_topic_board"
            ),
            models.Index(fields=["-last_activity_at"], name="forums_topic_activity"),
        ]

    def __str__(self):
        return self.title

    @classmethod
    def count_view(cls, request, topic_id):
        """One more view of the topic, also when its page is served from
        the page cache (portal/page_cache.py); the number shown is then at
        most PAGE_CACHE_SECONDS old."""
        cls.objects.filter(pk=topic_id).update(view_count=models.F("view_count") + 1)

    @classmethod
    def get_indexed_objects(cls):
        public = Post.objects.public().order_by("pk")
        return cls.objects.prefetch_related(Prefetch("posts", public, to_attr="public_posts"))

    def public_text(self):
        """The text of the posts everyone may see, never of held, hidden
        or deleted ones, for the search index (at most SEARCH_TEXT_LENGTH
        characters, read no further)."""
        posts = getattr(self, "public_posts", None)
        if posts is not None:
            bodies = (post.body for post in posts)
        else:
            public = self.posts.public().order_by("pk").values_list("body", flat=True)
            bodies = public.iterator(chunk_size=100)
        texts, length = [], 0
        for body in bodies:
            texts.append(body)
            length += len(body) + 1
            if length >= SEARCH_TEXT_LENGTH:
                break
        return "\n".join(texts)[:SEARCH_TEXT_LENGTH]


class Post(models.Model):
    topic = models.ForeignKey(
        Topic, verbose_name=_("topic"), on_delete=models.CASCADE, related_name="posts"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="forum_posts",
    )
    body = models.TextField(_("text"), help_text=_("Markdown, as the member wrote it."))
    html = models.TextField(_("HTML"), help_text=_("The text rendered and cleaned."))
    created_at = models.DateTimeField(_("written"), auto_now_add=True)
    edited_at = models.DateTimeField(_("edited"), null=True, blank=True)
    is_deleted = models.BooleanField(_("deleted"), default=False)
    visibility = models.CharField(
        _("visibility"), max_length=10, choices=Visibility.choices, default=Visibility.PUBLISHED
    )

    objects = PostQuerySet.as_manager()

    class Meta:
        verbose_name = _("post")
        verbose_name_plural = _("posts")
        indexes = [
            models.Index(fields=["topic", "id"], name="forums_post_topic"),
            models.Index(fields=["author", "-created_at"], name="forums_post_author"),
        ]

    def __str__(self):
        return f"{self.topic} #{self.pk}"


class PostRevision(models.Model):
    """An earlier version of an edited post, kept for moderators."""

    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="revisions")
    body = models.TextField(_("text"))
    html = models.TextField(_("HTML"))
    written_at = models.DateTimeField(_("written"))
    replaced_at = models.DateTimeField(_("replaced"), auto_now_add=True)
    edited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("earlier version of a post")
        verbose_name_plural = _("earlier versions of posts")
        ordering = ["-replaced_at"]


class Like(models.Model):
    post = models.ForeignKey(Post, on_delete=models.CASCADE, related_name="likes")
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_likes"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("like")
        verbose_name_plural = _("likes")
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="forums_one_like_per_member")
        ]


class TopicRead(models.Model):
    """How far a member has read a topic: the last post they were shown."""

    member = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="forum_reads"
    )
    topic = models.ForeignKey(Topic, on_delete=models.CASCADE, related_name="reads")
    last_read_post_id = models.BigIntegerField(default=0)
    read_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "topic"], name="forums_one_read_per_topic")
        ]
