"""Members' registrations for events.

A member has at most one registration per event. It is confirmed while
there are seats, otherwise it waits in line; a cancelled registration is
kept (coordinators see who cancelled) and may be renewed, at the end of the
line. Registrations are written only through events/registration.py, which
keeps the seat count right under concurrent requests.
"""

from django.conf import settings
from django.contrib import admin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rusmeco_events.choices import RegistrationStatus


class RegistrationQuerySet(models.QuerySet):
    def active(self):
        """Registrations that hold a seat or a place on the waiting list."""
        return self.filter(status__in=Registration.ACTIVE)


class Registration(models.Model):
    Status = RegistrationStatus
    ACTIVE = (Status.CONFIRMED, Status.WAITING)

    event = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="registrations",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    language = models.CharField(
        _("language"),
        max_length=10,
        choices=settings.LANGUAGES,
        help_text=_("E-mails about this registration are written in this language."),
    )
    registered_at = models.DateTimeField(_("registered"), default=timezone.now)
    confirmed_at = models.DateTimeField(_("seat confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    # When the member was reminded of the event the day before (manage.py
    # send_event_reminders): each registration is reminded once.
    reminded_at = models.DateTimeField(_("reminded"), null=True, blank=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["registered_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "user"], name="events_one_registration_per_member"
            ),
        ]
        indexes = [
            models.Index(fields=["event", "status", "registered_at"], name="events_reg_queue"),
        ]

    def __str__(self):
        return f"{self.user} — {self.event} ({self.get_status_display()})"

    @property
    def is_active(self):
        return self.status in self.ACTIVE

    # Columns of the admin listing and its CSV export.

    @property
    @admin.display(description=_("Member"))
    def member_name(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    @admin.display(description=_("E-mail"))
    def member_email(self):
        return self.user.email

    @property
    @admin.display(description=_("Event starts"))
    def event_start(self):
        return self.event.local_start
