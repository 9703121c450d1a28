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
