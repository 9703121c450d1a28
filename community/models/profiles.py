"""The person profile every member keeps: who they are, what they know
about, and who may see it."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _

from community.models.companies import CompanyMembership
from community.models.pictures import picture_fields, random_file_name
from community.queries import DirectoryQuerySet
from home.models.regional import RegionMixin

# Languages a member may say they speak; names are shown in the visitor's
# language through Django's own translations (get_language_info).
SPOKEN_LANGUAGES = ["ru", "en", "de", "fr", "fi", "sv", "it", "es", "zh-hans", "ja", "uk", "kk"]


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Everyone")
    MEMBERS = "members", _("Members only")
    PRIVATE = "private", _("Only me")


# The migrations name this function: it stays here, under this name.
def photo_path(instance, filename):
    return random_file_name("members/photos", filename)


class ProfileQuerySet(DirectoryQuerySet):
    def visible_to(self, user):
        """Profiles `user` may see: public ones for everyone, members-only
        ones for signed-in members, and a member's own profile always."""
        active = self.filter(user__is_active=True)
        if user is None or not user.is_authenticated:
            return active.filter(visibility=Visibility.PUBLIC)
        return active.filter(
            Q(visibility__in=[Visibility.PUBLIC, Visibility.MEMBERS]) | Q(user=user)
        )

    def ensure_for(self, user):
        """The member's profile, made from their account's name if they
        have none yet."""
        default_name = user.get_full_name() or user.email.split("@")[0] or user.get_username()
        profile, _ = self.get_or_create(user=user, defaults={"display_name": default_name[:80]})
        return profile

    def listed_for(self, user):
        """Profiles shown in lists (directory, who's new, who's online):
        the visible ones, but never a private one, not even to its owner,
        so a member sees the lists as others do."""
        return self.visible_to(user).exclude(visibility=Visibility.PRIVATE)

    def for_cards(self):
        """What a member's card in the directory shows, loaded in two
        queries (the profiles, then their themes)."""
        return (
            self.select_related("region")
            .prefetch_related("themes")
            .only(
                "pk",
                "display_name",
                "position",
                "photo",
                "photo_width",
                "photo_height",
                "visibility",
                "region__translation_key",
                "region__name",
                "user_id",
            )
        )

    def for_profile_page(self):
        """What a member's page shows: account, region and themes."""
        return self.select_related("user", "region").prefetch_related("themes")

    def filtered(self, q=None, region=None, theme=None, sector=None):
        """The directory's filters: name, region, theme and the sector of a
        company the member belongs to."""
        profiles = super().filtered(q, region)
        if theme:
            profiles = profiles.filter(themes__slug=theme)
        if sector:
            in_sector = CompanyMembership.objects.accepted().filter(company__sector=sector)
            profiles = profiles.filter(user__in=in_sector.values("user"))
        # A theme filter joins the themes table; distinct keeps one row each.
        return profiles.distinct() if theme else profiles


class Profile(RegionMixin, models.Model):
    """A member's person profile. Created when the member confirms their
    e-mail address (or first opens their profile); removed with the
    account."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("member"),
        on_delete=models.CASCADE,
        related_name="profile",
    )
    display_name = models.CharField(_("display name"), max_length=80)
    # display_name folded to lower case: a case-insensitive search that also
    # works for Cyrillic on SQLite (whose LIKE folds ASCII only).
    search_name = models.CharField(max_length=80, editable=False, db_index=True)
    photo, photo_width, photo_height = picture_fields("photo", _("photo"), photo_path)
    position = models.CharField(_("position"), max_length=120, blank=True)
    themes = models.ManyToManyField(
        "home.Topic", verbose_name=_("themes of expertise"), blank=True, related_name="+"
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    about = models.TextField(_("about me"), max_length=2000, blank=True)
    visibility = models.CharField(
        _("who can see my profile"),
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.MEMBERS,
    )
    show_email = models.BooleanField(_("show my e-mail address on my profile"), default=False)
    contact_note = models.CharField(_("how to contact me"), max_length=200, blank=True)
    created_at = models.DateTimeField(_("member since"), auto_now_add=True, db_index=True)
    updated_at = models.DateTimeField(auto_now=True)
    last_seen = models.DateTimeField(_("last seen"), null=True, blank=True, db_index=True)

    objects = ProfileQuerySet.as_manager()

    class Meta:
        verbose_name = _("member profile")
        verbose_name_plural = _("member profiles")
        ordering = ["search_name", "pk"]

    def __str__(self):
        return self.display_name

    def save(self, *args, **kwargs):
        self.search_name = self.display_name.casefold()[:80]
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "display_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)

    @property
    def photo_url(self):
        return self.photo.url if self.photo else ""

    def is_listed_for(self, user):
        """Whether lists shown to `user` include this profile (the
        Python twin of ProfileQuerySet.listed_for)."""
        if not self.user.is_active:
            return False
        if self.visibility == Visibility.PUBLIC:
            return True
        signed_in = user is not None and user.is_authenticated
        return self.visibility == Visibility.MEMBERS and signed_in

    @property
    def language_names(self):
        """The languages the member speaks, named in the active language."""
        known = [code for code in SPOKEN_LANGUAGES if code in (self.languages or [])]
        return [get_language_info(code)["name_translated"] for code in known]

    def company_memberships(self):
        """The member's accepted company memberships with their companies,
        by company name: one query."""
        return list(
            CompanyMembership.objects.accepted()
            .filter(user_id=self.user_id)
            .select_related("company")
            .order_by("company__search_name")
        )

    def is_visible_to(self, user):
        """Whether `user` may open this profile: the owner always may."""
        if user is not None and user.is_authenticated and user.pk == self.user_id:
            return True
        return self.is_listed_for(user)
