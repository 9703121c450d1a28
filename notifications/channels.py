"""How a member wants to hear of one kind of event."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Channel(models.TextChoices):
    # Every channel but "off" puts the notification under the bell; the
    # e-mail channels also send it at once or gather it into a digest.
    SITE = "site", _("On the site only")
    EMAIL = "email", _("E-mail at once")
    DAILY = "daily", _("Daily digest")
    WEEKLY = "weekly", _("Weekly digest")
    OFF = "off", _("Off")


DIGEST_CHANNELS = (Channel.DAILY, Channel.WEEKLY)
