"""Company profiles and who belongs to them.

A member who creates a company becomes its manager. Managers edit the
company and invite or remove members; an invited member joins only by
accepting, so nobody is listed in a company without saying yes.
"""

from anyascii import anyascii
from django.conf import settings
from django.core.validators import URLValidator
from django.db import IntegrityError, models, transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from community.choices import Sector
from community.models.pictures import picture_fields, random_file_name
from community.queries import DirectoryQuerySet
from home.choices import CompanySize
from home.models.regional import RegionMixin


# The migrations name this function: it stays here, under this name.
def logo_path(instance, filename):
    return random_file_name("companies/logos", filename)


class CompanyQuerySet(DirectoryQuerySet):
    def for_cards(self):
        """What a company's card in the directory shows."""
        return self.select_related("region")

    def filtered(self, q=None, region=None, sector=None):
        """The directory's filters: name, region and sector."""
        companies = super().filtered(q, region)
        return companies.filter(sector=sector) if sector else companies


class Company(RegionMixin, models.Model):
    """An innovative company of the community, with its public profile."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=140, unique=True, editable=False)
    search_name = models.CharField(max_length=120, editable=False, db_index=True)
    logo, logo_width, logo_height = picture_fields("logo", _("logo"), logo_path)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    size = models.CharField(_("size"), max_length=10, choices=CompanySize.choices, blank=True)
    description = models.TextField(_("description"), max_length=3000, blank=True)
    website = models.URLField(
        _("website"), blank=True, validators=[URLValidator(schemes=["http", "https"])]
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = CompanyQuerySet.as_manager()

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["search_name", "pk"]

    def __str__(self):
        return self.name

    # Tries at a free slug when other companies of the same name are
    # created at the same moment; each try looks again for the next number.
    SLUG_ATTEMPTS = 5

    def save(self, *args, **kwargs):
        self.search_name = self.name.casefold()[:120]
        if self.slug:
            super().save(*args, **kwargs)
            return
        # Two members creating "Acme" at once both find "acme" free; the
        # second insert then breaks the unique slug. It is tried again, in
        # a savepoint so the member's transaction goes on, with the next
        # free number.
        for attempt in range(1, self.SLUG_ATTEMPTS + 1):
            self.slug = self._unique_slug()
            try:
                with transaction.atomic():
                    super().save(*args, **kwargs)
                return
            except IntegrityError:
                taken = Company.objects.filter(slug=self.slug).exists()
                self.slug = ""
                if not taken or attempt == self.SLUG_ATTEMPTS:
                    raise

    @property
    def logo_url(self):
        return self.logo.url if self.logo else ""

    def _unique_slug(self):
        # Russian names are transliterated, so URLs stay plain ASCII.
        base = slugify(anyascii(self.name))[:120] or "company"
        slug, number = base, 1
        while Company.objects.filter(slug=slug).exists():
            number += 1
            slug = f"{base}-{number}"
        return slug

    def members_shown_to(self, user):
        """(accepted memberships whose profiles `user` may see, managers
        first; the number of the others): one query."""
        memberships = list(
            self.memberships.accepted()
            .select_related("user", "user__profile")
            .order_by("role", "created_at")  # managers first
        )
        shown = [
            membership
            for membership in memberships
            if hasattr(membership.user, "profile") and membership.user.profile.is_listed_for(user)
        ]
        return shown, len(memberships) - len(shown)

    def is_managed_by(self, user):
        return (
            user.is_authenticated
            and self.memberships.filter(user=user, role=Role.MANAGER, accepted=True).exists()
        )


class Role(models.TextChoices):
    MANAGER = "manager", _("Manager")
    MEMBER = "member", _("Member")


class MembershipQuerySet(models.QuerySet):
    def accepted(self):
        return self.filter(accepted=True)

    def pending(self):
        return self.filter(accepted=False)

    def managers(self):
        return self.filter(accepted=True, role=Role.MANAGER)


class CompanyMembership(models.Model):
    """A member's place in a company: invited until they accept."""

    company = models.ForeignKey(
        Company, verbose_name=_("company"), on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="company_memberships",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.MEMBER)
    accepted = models.BooleanField(_("accepted"), default=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    created_at = models.DateTimeField(auto_now_add=True)

    objects = MembershipQuerySet.as_manager()

    class Meta:
        verbose_name = _("company membership")
        verbose_name_plural = _("company memberships")
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["company", "user"], name="one_membership_per_company"),
        ]

    def __str__(self):
        return f"{self.user} @ {self.company}"
