"""What moderation keeps: members' flags on posts and the log of every
moderator's action (forums/moderation.py writes both)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from forums.choices import FlagReason, ModerationAction
from forums.models.discussions import Post, Topic


class Flag(models.Model):
    """A member's report that a post needs a moderator: once per member and
    post. Open until a moderator hides the post or dismisses the flags."""

    post = models.ForeignKey(
        Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="flags"
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="forum_flags",
    )
    reason = models.CharField(_("reason"), max_length=20, choices=FlagReason.choices)
    note = models.TextField(_("note"), blank=True, max_length=1000)
    created_at = models.DateTimeField(_("flagged"), auto_now_add=True)
    is_open = models.BooleanField(_("open"), default=True)

    class Meta:
        verbose_name = _("flag")
        verbose_name_plural = _("flags")
        constraints = [
            models.UniqueConstraint(fields=["post", "member"], name="forums_one_flag_per_member")
        ]
        indexes = [models.Index(fields=["is_open", "post"], name="forums_flag_open")]


class ModerationLogEntry(models.Model):
    """One thing a moderator did. The board and the topic's title are kept
    as they were, so the entry still reads right after a merge or a move."""

    moderator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderator"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    action = models.CharField(_("action"), max_length=20, choices=ModerationAction.choices)
    board_key = models.UUIDField(_("board"), help_text=_("The board's translation key."))
    topic = models.ForeignKey(
        Topic,
        verbose_name=_("topic"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    topic_title = models.CharField(_("topic title"), max_length=200)
    post = models.ForeignKey(
        Post,
        verbose_name=_("post"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    note = models.TextField(_("note"), blank=True)
    created_at = models.DateTimeField(_("time"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("moderation log entry")
        verbose_name_plural = _("moderation log")
        ordering = ["-created_at", "-pk"]
