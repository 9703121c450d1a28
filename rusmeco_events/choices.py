"""Kinds of events, formats of trainings and the states of a registration."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    MEETING = "meeting", _("Face-to-face event")
    ONLINE = "online", _("Online event")
    TRAINING = "training", _("Training")


class TrainingFormat(models.TextChoices):
    ONLINE = "online", _("Online")
    BLENDED = "blended", _("Blended")


class RegistrationStatus(models.TextChoices):
    """Where a member's registration stands. Confirmed and waiting
    registrations are active: they hold a seat or a place in line."""

    CONFIRMED = "confirmed", _("Confirmed")
    WAITING = "waiting", _("On the waiting list")
    CANCELLED = "cancelled", _("Cancelled")
