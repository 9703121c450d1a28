"""Member blogs: the blog index of each language (a routable page, see
"Routable pages" in the README) and the posts members write on the site.

A BlogPost is a plain model, not a page: members write it in a form on the
site, never in the admin. Its Markdown source is kept in `body` and the
cleaned HTML made from it (home/markdown.py) in `html`, rendered once when
the post is saved. A post is seen by visitors only when it is published and
its author's account is active; a draft only by its author.
"""

from django.conf import settings
from django.db import models
from django.urls import NoReverseMatch
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Page
from wagtail.search import index

from blogs import feeds, views
from blogs.choices import PostStatus
from community.models.pictures import picture_fields, random_file_name
from home.models.regional import RegionMixin
from home.querysets import PortalPageManager

MAX_BODY_LENGTH = 50_000


class BlogIndexPage(RoutablePageMixin, Page):
    """The member blogs of one language: the newest posts of every member,
    filters by theme and region, each member's blog with its RSS feed, each
    post, and the form members write their posts in."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]

    objects = PortalPageManager()

    template = "blogs/blog_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("blog index")
        verbose_name_plural = _("blog indexes")

    def posts(self):
        """The posts visitors may see, shaped for a listing: what the views
        and feeds narrow down. Posts of every language are shown in both
        blog indexes, each marked with its own language."""
        return BlogPost.objects.published().for_listing()

    def own_posts(self, user):
        """Every post of `user`, drafts too: for their own blog page."""
        return BlogPost.objects.filter(author=user).for_listing()

    def post_url(self, post, request=None):
        return self.url_of("post", post.author_id, post.slug, request=request)

    def url_of(self, route, *args, request=None):
        return self.get_url(request) + self.reverse_subpage(route, args=args)

    @path("", name="index")
    def index_route(self, request):
        return views.index(self, request)

    @path("write/", name="write")
    def write_route(self, request):
        return views.write(self, request)

    @path("<int:member_id>/", name="member")
    def member_route(self, request, member_id):
        return views.member_blog(self, request, member_id)

    @path("<int:member_id>/feed/", name="member_feed")
    def member_feed_route(self, request, member_id):
        return feeds.member_posts(self, request, member_id)

    @path("<int:member_id>/<slug:slug>/", name="post")
    def post_route(self, request, member_id, slug):
        return views.post(self, request, member_id, slug)

    @path("<int:member_id>/<slug:slug>/edit/", name="edit")
    def edit_route(self, request, member_id, slug):
        return views.edit(self, request, member_id, slug)

    @path("<int:member_id>/<slug:slug>/delete/", name="delete")
    def delete_route(self, request, member_id, slug):
        return views.delete(self, request, member_id, slug)


class BlogPostQuerySet(models.QuerySet):
    def published(self):
        """The posts visitors may see: published, by an active account."""
        return self.filter(
            status=PostStatus.PUBLISHED, published_at__isnull=False, author__is_active=True
        )

    def newest(self):
        return self.order_by("-published_at", "-pk")

    def for_listing(self):
        """With the author and their profile and the themes, for listings:
        a fixed number of queries whatever the number of posts."""
        return (
            self.select_related("author", "author__profile")
            .prefetch_related("themes")
            .order_by("-published_at", "-created_at", "-pk")
        )

    def filtered(self, region=None, theme=None):
        """Narrow down by region slug and theme slug (the same in every
        language)."""
        posts = self
        if region:
            posts = posts.filter(region__slug=region)
        if theme:
            tagged = BlogPost.themes.through.objects.filter(
                blogpost_id=models.OuterRef("pk"), topic__slug=theme
            )
            posts = posts.filter(models.Exists(tagged))
        return posts

    def featured_first(self):
        return self.order_by("-featured", "-published_at", "-pk")


def lead_picture_path(post, filename):
    return random_file_name("blogs", filename)


class BlogPost(index.Indexed, RegionMixin, models.Model):
    """A post a member writes in their blog, in Markdown."""

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.CASCADE,
        related_name="blog_posts",
    )
    title = models.CharField(_("title"), max_length=200)
    slug = models.SlugField(_("slug"), max_length=80, allow_unicode=False)
    body = models.TextField(_("text"), max_length=MAX_BODY_LENGTH)
    html = models.TextField(editable=False, blank=True)
    themes = models.ManyToManyField("home.Topic", verbose_name=_("themes"), blank=True)
    lead_picture, lead_picture_width, lead_picture_height = picture_fields(
        "lead_picture", _("lead picture"), lead_picture_path
    )
    language = models.CharField(
        _("language"), max_length=8, choices=settings.LANGUAGES, default="ru"
    )
    status = models.CharField(
        _("status"), max_length=10, choices=PostStatus.choices, default=PostStatus.DRAFT
    )
    published_at = models.DateTimeField(_("published"), null=True, blank=True, db_index=True)
    featured = models.BooleanField(
        _("featured on the home page"),
        default=False,
        help_text=_("Featured posts come first in the home page's recent blog posts."),
    )
    created_at = models.DateTimeField(_("created"), default=timezone.now)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    objects = BlogPostQuerySet.as_manager()

    # The portal search (search/sources.py) finds posts by title and text;
    # which posts it shows is decided when searching, by `published()`.
    search_fields = [
        index.SearchField("title", boost=2),
        index.AutocompleteField("title"),
        index.SearchField("body"),
        index.FilterField("id"),
        index.FilterField("language"),
    ]

    class Meta:
        verbose_name = _("blog post")
        verbose_name_plural = _("blog posts")
        constraints = [
            models.UniqueConstraint(fields=["author", "slug"], name="blogs_post_slug_per_author")
        ]
        indexes = [models.Index(fields=["status", "published_at"])]

    def __str__(self):
        return self.title

    @property
    def is_published(self):
        return self.status == PostStatus.PUBLISHED and self.published_at is not None

    def summary(self, words=40):
        return Truncator(self.body).words(words)

    def get_url(self, request=None):
        """The post's address under the blog index of the active language
        ("" when there is none)."""
        index = blog_index()
        if index is None:
            return ""
        try:
            return index.post_url(self, request)
        except NoReverseMatch:
            return ""


def blog_index(language=None):
    """The blog index visitors may see in `language` (the active one by
    default), or None. One query."""
    code = language or get_supported_content_language_variant(translation.get_language())
    return (
        BlogIndexPage.objects.visible(code)
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key", "title")
        .first()
    )
