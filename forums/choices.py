"""Whether a topic or a post can be seen by everyone."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Visibility(models.TextChoices):
    # Seen by everyone who can see the board.
    PUBLISHED = "published", _("published")
    # A new member's post waiting for a moderator: only its author and
    # moderators see it.
    HELD = "held", _("waiting for a moderator")
    # Taken down by a moderator: only moderators see it.
    HIDDEN = "hidden", _("hidden by a moderator")


class FlagReason(models.TextChoices):
    SPAM = "spam", _("spam or advertising")
    ABUSE = "abuse", _("rude or abusive")
    OFF_TOPIC = "off_topic", _("off topic")
    OTHER = "other", _("something else")


class ModerationAction(models.TextChoices):
    APPROVE = "approve", _("approved a post")
    HIDE = "hide", _("hid a post")
    RESTORE = "restore", _("restored a post")
    DISMISS = "dismiss", _("dismissed flags")
    LOCK = "lock", _("locked a topic")
    UNLOCK = "unlock", _("unlocked a topic")
    PIN = "pin", _("pinned a topic")
    UNPIN = "unpin", _("unpinned a topic")
    MOVE = "move", _("moved a topic")
    MERGE = "merge", _("merged a topic")


# What a moderator does to a post, and to a topic.
POST_ACTIONS = [
    ModerationAction.APPROVE,
    ModerationAction.HIDE,
    ModerationAction.RESTORE,
    ModerationAction.DISMISS,
]
TOPIC_ACTIONS = [
    ModerationAction.LOCK,
    ModerationAction.UNLOCK,
    ModerationAction.PIN,
    ModerationAction.UNPIN,
    ModerationAction.MOVE,
    ModerationAction.MERGE,
]
