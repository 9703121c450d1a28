"""The two taxonomies every content app uses, as translatable snippets.

Topic: the eight themes of the community ("All content about ...").
Region: Moscow, St Petersburg and Ekaterinburg, each with its time zone, so a
face-to-face event can show the local time of its city.
"""

import zoneinfo

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

REGION_TIME_ZONES = [
    ("Europe/Moscow", _("Moscow time (UTC+3)")),
    ("Asia/Yekaterinburg", _("Yekaterinburg time (UTC+5)")),
]


class TaxonomyTerm(TranslatableMixin, index.Indexed, models.Model):
    """A term with a translated name, and a slug and position that stay the
    same in every language (so URLs and filters do not change with it)."""

    name = models.CharField(_("name"), max_length=100)
    slug = models.SlugField(_("slug"), max_length=100, allow_unicode=False)
    sort_order = models.PositiveSmallIntegerField(_("sort order"), default=0)

    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.FilterField("locale_id"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        SynchronizedField("slug"),
        SynchronizedField("sort_order"),
    ]

    class Meta(TranslatableMixin.Meta):
        abstract = True
        ordering = ["sort_order", "name"]

    def __str__(self):
        return self.name


class Topic(TaxonomyTerm):
    """A theme of the community, such as intellectual property rights."""

    short_name = models.CharField(
        _("short name"),
        max_length=40,
        blank=True,
        help_text=_("Used where space is tight, for example “IPR”."),
    )
    description = models.TextField(_("description"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("short_name"),
        FieldPanel("slug"),
        FieldPanel("description"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [
        TranslatableField("short_name"),
        TranslatableField("description"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["locale", "slug"], name="unique_topic_slug_per_locale"),
        ]


class Region(TaxonomyTerm):
    """A regional centre of the community, with the time zone of its city.

    Its coordinators' group and its collection of images and documents
    belong to the region itself, not to its slug or the group's name, and
    are shared by its translations: they are set when the region is first
    saved (home/region_roles.py) and cannot be edited in the admin, so
    renaming a region or a group moves no rights."""

    time_zone = models.CharField(
        _("time zone"), max_length=64, choices=REGION_TIME_ZONES, default="Europe/Moscow"
    )
    coordinators = models.ForeignKey(
        "auth.Group",
        verbose_name=_("coordinators"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )
    collection = models.ForeignKey(
        "wagtailcore.Collection",
        verbose_name=_("collection"),
        null=True,
        editable=False,
        on_delete=models.PROTECT,
        related_name="+",
    )

    panels = [
        FieldPanel("name"),
        FieldPanel("slug"),
        FieldPanel("time_zone"),
        FieldPanel("sort_order"),
    ]
    translatable_fields = TaxonomyTerm.translatable_fields + [SynchronizedField("time_zone")]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")
        constraints = [
            models.UniqueConstraint(
                fields=["locale", "slug"], name="unique_region_slug_per_locale"
            ),
        ]

    def save(self, *args, **kwargs):
        if self.coordinators_id is None or self.collection_id is None:
            from home.region_roles import equip_region

            equip_region(self)
        super().save(*args, **kwargs)

    @property
    def tzinfo(self):
        return zoneinfo.ZoneInfo(self.time_zone)
