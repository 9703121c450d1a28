"""Which listings' managers were reminded that their listing expires soon
(partnerships/reminders.py): one row per listing and expiry date, so the
daily command reminds once, and again only after a renewal."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingReminder(models.Model):
    """The managers of `listing`'s company were reminded that it expires
    at `expire_at`."""

    listing = models.ForeignKey(
        "partnerships.ListingPage",
        verbose_name=_("listing"),
        on_delete=models.CASCADE,
        related_name="reminders",
    )
    expire_at = models.DateTimeField(_("expiry date"))
    sent_at = models.DateTimeField(_("reminded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("expiry reminder")
        verbose_name_plural = _("expiry reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["listing", "expire_at"], name="one_reminder_per_listing_and_expiry"
            )
        ]

    def __str__(self):
        return f"{self.listing_id} @ {self.expire_at:%Y-%m-%d}"
