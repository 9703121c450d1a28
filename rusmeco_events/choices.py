"""Kinds of events and formats of trainings."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Face-to-face event")
    ONLINE = "online", _("Online event")
    TRAINING = "training", _("Training")


class TrainingFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")
