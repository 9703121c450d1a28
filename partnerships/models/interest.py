"""Expressions of interest in a listing, the conversation each starts
between the member and the listing's company, the warm introduction the
member may ask of the coordinators of the listing's region, and the
outcome the company records.

Nobody's e-mail address is shown to the other side until that side
chooses to share it: the member for themself, one of the company's
managers for the company (their own address). A member has at most one
open expression per listing (in every language: the listing's translation
key), enforced by the database; closing it with an outcome frees them to
express interest again.

Deleting a member's account deletes the expressions they sent with all
their messages (CASCADE); what they wrote as a company's manager in
someone else's conversation stays, shown as by a deleted member.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from home.models.regional import RegionMixin
from partnerships.contact_choices import MESSAGE_MAX_LENGTH, NOTE_MAX_LENGTH, Status


class InterestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=Status.OPEN)

    def managed_by(self, user):
        """Expressions received by the companies `user` manages."""
        from community.models import CompanyMembership, Role

        companies = CompanyMembership.objects.filter(
            user=user, role=Role.MANAGER, accepted=True
        ).values("company_id")
        return self.filter(company_id__in=companies)

    def involving(self, user):
        """Expressions `user` sent or received as a company's manager."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(Q(member=user) | Q(pk__in=self.managed_by(user).values("pk")))

    def seen_by(self, user):
        """What `user` may read: their own expressions, those of the
        companies they manage and those they introduced as a coordinator."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(
            Q(member=user) | Q(pk__in=self.managed_by(user).values("pk")) | Q(introduced_by=user)
        )

    def in_regions(self, region_slugs):
        """Expressions about listings of these regions (None: all)."""
        return self if region_slugs is None else self.filter(region__slug__in=region_slugs)


class Interest(RegionMixin, models.Model):
    """A member's expression of interest in one listing."""

    listing = models.ForeignKey(
        "partnerships.ListingPage",
        verbose_name=_("listing"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="interests",
    )
    # The listing in every language, and its title when the member wrote.
    listing_key = models.UUIDField(editable=False)
    listing_title = models.CharField(_("listing title"), max_length=255)
    company = models.ForeignKey(
        "community.Company",
        verbose_name=_("company"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partnership_interests",
    )
    member = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="partnership_interests",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    created_at = models.DateTimeField(_("sent"), auto_now_add=True)
    last_activity_at = models.DateTimeField(_("last activity"), db_index=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True)
    closed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # When each side last read the conversation (unread markers).
    member_read_at = models.DateTimeField(null=True, blank=True)
    company_read_at = models.DateTimeField(null=True, blank=True)
    # Addresses shared: the member's own, and the manager's who shared for
    # the company.
    member_email_shared_at = models.DateTimeField(null=True, blank=True)
    company_email_shared_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    company_email_shared_at = models.DateTimeField(null=True, blank=True)
    # The warm introduction asked of the region's coordinators.
    introduction_requested_at = models.DateTimeField(
        _("introduction requested"), null=True, blank=True
    )
    introduction_request_note = models.TextField(
        _("note to the coordinators"), max_length=NOTE_MAX_LENGTH, blank=True
    )
    introduced_on = models.DateField(_("introduced on"), null=True, blank=True)
    introduced_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("introduced by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    introduction_note = models.TextField(
        _("about the introduction"), max_length=NOTE_MAX_LENGTH, blank=True
    )

    objects = InterestQuerySet.as_manager()

    class Meta:
        verbose_name = _("expression of interest")
        verbose_name_plural = _("expressions of interest")
        ordering = ["-last_activity_at", "-pk"]
        # The head office's Coordinators (0003_interest) and superusers
        # introduce and see the outcomes in every region.
        permissions = [
            ("introduce_everywhere", "Can introduce members and see outcomes in every region")
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["member", "listing_key"],
                condition=Q(status="open"),
                name="one_open_interest_per_member_and_listing",
            ),
        ]

    def __str__(self):
        return f"{self.member} → {self.listing_title}"

    @property
    def is_open(self):
        return self.status == Status.OPEN

    @property
    def introduction_waiting(self):
        return self.introduction_requested_at is not None and self.introduced_on is None


class InterestMessage(models.Model):
    """One message of a conversation, by the member or by a manager of the
    company (`from_company`)."""

    interest = models.ForeignKey(Interest, on_delete=models.CASCADE, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        null=True,
        on_delete=models.SET_NULL,
        related_name="partnership_messages",
    )
    from_company = models.BooleanField(default=False)
    body = models.TextField(_("message"), max_length=MESSAGE_MAX_LENGTH)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("message")
        verbose_name_plural = _("messages")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return self.body[:50]
