"""What the notification centre keeps: who follows what, what happened for
whom, how each member wants to hear of it, and which digests went out."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from notifications.channels import Channel


class Follow(models.Model):
    """A member follows a theme, a region, a member (and, from the
    discussion apps, a board, a topic or a blog). `kind` names the follow
    kind (notifications/follows.py) and `key` the thing in a way that does
    not change with the language: a translation key for themes, regions and
    pages, a primary key for members."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    kind = models.CharField(_("kind"), max_length=20)
    key = models.CharField(_("key"), max_length=64)
    created_at = models.DateTimeField(_("followed since"), auto_now_add=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")
        constraints = [
            models.UniqueConstraint(fields=["user", "kind", "key"], name="unique_follow"),
        ]
        indexes = [models.Index(fields=["kind", "key"], name="follow_target")]

    def __str__(self):
        return f"{self.user_id} follows {self.kind} {self.key}"


class NotificationQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(read_at__isnull=True)


class Notification(models.Model):
    """Something that happened for a member: the event (notifications/
    events.py) and what it is about. The text is written when it is shown,
    in the language of the page or of the e-mail, and only while the
    member may still see what it names."""

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("recipient"),
        on_delete=models.CASCADE,
        related_name="notifications",
    )
    event = models.CharField(_("event"), max_length=30)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    target_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    target_id = models.PositiveBigIntegerField(null=True, blank=True)
    target = GenericForeignKey("target_type", "target_id")
    # Events gathered into one notification (likes of a day) share a
    # batch key; `count` says how many there were.
    batch_key = models.CharField(max_length=120, blank=True)
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    read_at = models.DateTimeField(_("read"), null=True, blank=True)
    emailed_at = models.DateTimeField(_("e-mailed"), null=True, blank=True)

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-updated_at", "-pk"]
        indexes = [
            models.Index(fields=["recipient", "read_at"], name="notification_unread"),
            models.Index(fields=["recipient", "-updated_at"], name="notification_newest"),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "batch_key"],
                condition=~models.Q(batch_key=""),
                name="unique_notification_batch",
            ),
        ]

    def __str__(self):
        return f"{self.event} for {self.recipient_id}"


class Preference(models.Model):
    """A member's choice for one event type; without a row the event
    type's default applies."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="notification_preferences",
    )
    event = models.CharField(_("event"), max_length=30)
    channel = models.CharField(_("how"), max_length=10, choices=Channel.choices)

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")
        constraints = [
            models.UniqueConstraint(fields=["user", "event"], name="unique_preference"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.event} → {self.channel}"


class MemberSettings(models.Model):
    """The language a member's e-mails are written in (set at sign-up from
    the language they used, changed in their settings)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="notification_settings",
    )
    language = models.CharField(
        _("language of my e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("notification settings")
        verbose_name_plural = _("notification settings")

    def __str__(self):
        return f"{self.user_id}: {self.language}"


class DigestSent(models.Model):
    """One digest e-mail of one period for one member: written in the same
    transaction that queues the e-mail, so a second run sends nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    period = models.CharField(max_length=10, choices=[(c, c) for c in ("daily", "weekly")])
    # The first day of the period the digest covers (a Monday for weekly).
    starts_on = models.DateField()
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "period", "starts_on"], name="unique_digest"),
        ]

    def __str__(self):
        return f"{self.period} digest of {self.starts_on} for {self.user_id}"
