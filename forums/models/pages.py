"""The forum pages: the forums index (one per language) and its boards.

Boards are translatable pages that editors create and coordinators
translate; the topics members write belong to a board in every language
(by its translation key), so the Russian and the English board list the
same discussions. The routes of a board only call forums/views.py, as in
"Routable pages" of the README.
"""

from django import forms
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from forums import moderation_views, views
from forums.models.discussions import Post, Topic
from forums.queries import BoardPageManager
from home.models.regional import RegionMixin
from home.querysets import PortalPageManager


class ForumIndexPage(Page):
    """The forums of one language (`/ru/forums/`, `/en/forums/`): its boards
    in their order, with their counts and latest activity."""

    intro = models.TextField(_("introduction"), blank=True, max_length=600)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]

    objects = PortalPageManager()
    # The forums belong in the main menu (home/navigation.py lists the home
    # page's children shown in menus).
    show_in_menus_default = True

    template = "forums/forum_index_page.html"
    parent_page_types = ["home.HomePage"]
    subpage_types = ["forums.BoardPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("forums index")
        verbose_name_plural = _("forums indexes")

    def boards(self):
        """The boards of this index that visitors may see, in their order."""
        return BoardPage.objects.visible(self.locale_id).child_of(self).in_order()

    def topics_of(self, board_keys):
        """The public topics of the boards with these translation keys."""
        return Topic.objects.public().filter(board_key__in=board_keys)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        return context | views.index_context(self, request)


class BoardPage(RegionMixin, RoutablePageMixin, Page):
    """One board of the forums: its topics, in every language, and the
    pages to read and write them."""

    description = models.TextField(_("description"), blank=True, max_length=1000)
    themes = ParentalManyToManyField(
        "home.Topic", verbose_name=_("themes"), blank=True, related_name="forum_boards"
    )
    sort_order = models.IntegerField(
        _("order"), default=0, help_text=_("Boards with a lower number are listed first.")
    )

    content_panels = Page.content_panels + [
        FieldPanel("description"),
        FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
        RegionMixin.region_panel,
        FieldPanel("sort_order"),
    ]
    search_fields = Page.search_fields + [index.SearchField("description")]
    override_translatable_fields = [SynchronizedField("themes"), SynchronizedField("sort_order")]

    objects = BoardPageManager()

    template = "forums/board_page.html"
    parent_page_types = ["forums.ForumIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("board")
        verbose_name_plural = _("boards")

    def topics(self):
        """The topics of this board in every language."""
        return Topic.objects.filter(board_key=self.translation_key)

    def posts(self):
        """The posts of this board's topics in every language."""
        return Post.objects.filter(topic__board_key=self.translation_key)

    def other_boards(self):
        """The other live boards of this board's forums, in their order
        (where a moderator may move a topic)."""
        return BoardPage.objects.live().sibling_of(self, inclusive=False).in_order()

    def topic_url(self, topic_id):
        """The address of a topic on this board: the one way to build it."""
        return self.url + self.reverse_subpage("topic", args=[topic_id])

    def post_url(self, post_id):
        """The lasting address of a post (it leads to its topic's page)."""
        return self.url + self.reverse_subpage("post", args=[post_id])

    @path("", name="topics")
    def topics_route(self, request):
        return views.board(self, request)

    @path("new/", name="new_topic")
    def new_topic_route(self, request):
        return views.new_topic(self, request)

    @path("t/<int:topic_id>/", name="topic")
    def topic_route(self, request, topic_id):
        return views.topic(self, request, topic_id)

    @path("t/<int:topic_id>/unread/", name="first_unread")
    def first_unread_route(self, request, topic_id):
        return views.first_unread(self, request, topic_id)

    @path("t/<int:topic_id>/reply/", name="reply")
    def reply_route(self, request, topic_id):
        return views.reply(self, request, topic_id)

    @path("p/<int:post_id>/", name="post")
    def post_route(self, request, post_id):
        return views.post_link(self, request, post_id)

    @path("p/<int:post_id>/edit/", name="edit_post")
    def edit_post_route(self, request, post_id):
        return views.edit_post(self, request, post_id)

    @path("p/<int:post_id>/delete/", name="delete_post")
    def delete_post_route(self, request, post_id):
        return views.delete_post(self, request, post_id)

    @path("p/<int:post_id>/like/", name="like_post")
    def like_post_route(self, request, post_id):
        return views.like_post(self, request, post_id)

    @path("p/<int:post_id>/accept/", name="accept_post")
    def accept_post_route(self, request, post_id):
        return views.accept_post(self, request, post_id)

    # Moderation (forums/moderation_views.py).

    @path("p/<int:post_id>/flag/", name="flag_post")
    def flag_post_route(self, request, post_id):
        return moderation_views.flag_post(self, request, post_id)

    @path("p/<int:post_id>/moderate/", name="moderate_post")
    def moderate_post_route(self, request, post_id):
        return moderation_views.moderate_post(self, request, post_id)

    @path("t/<int:topic_id>/moderate/", name="moderate_topic")
    def moderate_topic_route(self, request, topic_id):
        return moderation_views.moderate_topic(self, request, topic_id)
