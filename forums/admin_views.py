"""The forums' moderation in the admin: the queue of posts waiting for a
moderator or flagged by members, with approve, hide, restore and dismiss,
and the moderation log (read-only).

Both are for the Moderators group and superusers (every board) and the
coordinators of a region (that region's boards only), as
forums/permissions.py says; the actions are forums/moderation.py's, so
each is logged as on the site.
"""

from django.db.models import Exists, OuterRef, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from forums.choices import Visibility
from forums.models import BoardPage, Flag, ModerationLogEntry, Post
from forums.moderation_views import apply_post_action
from forums.permissions import can_moderate, moderated_board_keys, moderates_somewhere
from home.admin_menu import MenuItemFor


class TemplateColumn(Column):
    """A cell drawn by its own template, which gets the row as `instance`
    (its name is no attribute of the row)."""

    def __init__(self, name, template, **kwargs):
        super().__init__(name, **kwargs)
        self.cell_template_name = template

    def get_value(self, instance):
        return None


class ModeratorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not moderates_somewhere(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


def boards_of(keys):
    """{translation key: board} for these keys: one query."""
    return {
        board.translation_key: board
        for board in BoardPage.objects.filter(translation_key__in=keys)
        .only("id", "title", "url_path", "translation_key", "locale_id")
        .order_by("-locale_id")
    }


def member_label(user):
    """A member as moderators tell them apart: their name and their user
    name, since several members may share a first name."""
    if user is None:
        return _("deleted member")
    name = user.get_full_name()
    return f"{name} ({user.get_username()})" if name else user.get_username()


class QueueView(ModeratorsOnlyMixin, ReportView):
    """Posts waiting for a moderator and flagged posts, oldest first."""

    page_title = _("Forum moderation")
    header_icon = "warning"
    index_url_name = "forums_moderation_queue"
    index_results_url_name = "forums_moderation_queue_results"
    paginate_by = 30
    columns = [
        TemplateColumn("post_cell", "forums/admin/post_cell.html", label=_("Post")),
        Column("author", label=_("Author"), accessor="author_label"),
        DateColumn("created_at", label=_("Written")),
        TemplateColumn("flags_cell", "forums/admin/flags_cell.html", label=_("Flags")),
        TemplateColumn("actions_cell", "forums/admin/actions_cell.html", label=_("Actions")),
    ]

    def get_queryset(self):
        open_flags = Flag.objects.filter(post=OuterRef("pk"), is_open=True)
        posts = (
            Post.objects.annotate(flagged=Exists(open_flags))
            .filter(Q(visibility=Visibility.HELD) | Q(flagged=True))
            .select_related("topic", "author")
            .prefetch_related(
                Prefetch(
                    "flags",
                    queryset=Flag.objects.filter(is_open=True).select_related("member"),
                    to_attr="open_flags",
                )
            )
            .order_by("created_at", "pk")
        )
        keys = moderated_board_keys(self.request.user)
        return posts if keys is None else posts.filter(topic__board_key__in=keys)

    def decorate_paginated_queryset(self, object_list):
        posts = list(object_list)
        boards = boards_of({post.topic.board_key for post in posts})
        for post in posts:
            post.author_label = member_label(post.author)
            post.board = board = boards.get(post.topic.board_key)
            post.site_url = board.post_url(post.pk) if board else None
        return posts


class LogView(ModeratorsOnlyMixin, ReportView):
    """What moderators did, newest first."""

    page_title = _("Forum moderation log")
    header_icon = "history"
    index_url_name = "forums_moderation_log"
    index_results_url_name = "forums_moderation_log_results"
    paginate_by = 50
    columns = [
        DateColumn("created_at", label=_("Time")),
        Column("moderator", label=_("Moderator"), accessor="moderator_name"),
        Column("action", label=_("Action"), accessor="get_action_display"),
        Column("topic_title", label=_("Topic")),
        Column("post_id", label=_("Post")),
        Column("note", label=_("Note")),
    ]

    def get_queryset(self):
        entries = ModerationLogEntry.objects.select_related("moderator")
        keys = moderated_board_keys(self.request.user)
        return entries if keys is None else entries.filter(board_key__in=keys)

    def decorate_paginated_queryset(self, object_list):
        entries = list(object_list)
        for entry in entries:
            entry.moderator_name = member_label(entry.moderator)
        return entries


@require_POST
def act(request, post_id):
    """Approve, hide or restore a post of the queue, or dismiss its flags."""
    if not moderates_somewhere(request.user):
        return permission_denied(request)
    post = get_object_or_404(Post.objects.select_related("topic", "author"), pk=post_id)
    board = boards_of([post.topic.board_key]).get(post.topic.board_key)
    if board is None or not can_moderate(request.user, board):
        return permission_denied(request)
    apply_post_action(request, board, post)
    return redirect("forums_moderation_queue")


def admin_urls():
    return [
        path("forums/moderation/", QueueView.as_view(), name="forums_moderation_queue"),
        path(
            "forums/moderation/results/",
            QueueView.as_view(results_only=True),
            name="forums_moderation_queue_results",
        ),
        path("forums/moderation/<int:post_id>/", act, name="forums_moderation_act"),
        path("forums/moderation/log/", LogView.as_view(), name="forums_moderation_log"),
        path(
            "forums/moderation/log/results/",
            LogView.as_view(results_only=True),
            name="forums_moderation_log_results",
        ),
    ]


def queue_menu_item():
    return MenuItemFor(
        _("Forum moderation"),
        reverse("forums_moderation_queue"),
        shown_to=moderates_somewhere,
        name="forum-moderation",
        icon_name="warning",
        order=360,
    )


def log_menu_item():
    return MenuItemFor(
        _("Forum moderation log"),
        reverse("forums_moderation_log"),
        shown_to=moderates_somewhere,
        name="forum-moderation-log",
        icon_name="history",
        order=1310,
    )
