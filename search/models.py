"""What the search page shows of a page besides its title, kept next to the
search index: the date, a plain-text excerpt for the snippet, and the facet
values (type, themes, region, year).

The search backends write these rows wherever a page enters the index
(`search/records.py`), so they follow every save, publish and
`update_index`; a page's rows go when the page is deleted. Searches read
them in a fixed number of queries, however many results a page shows.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

FACET_NAMES = [
    ("type", _("type")),
    ("theme", _("theme")),
    ("region", _("region")),
    ("year", _("year")),
]


class SearchRecord(models.Model):
    page = models.OneToOneField(
        Page, primary_key=True, on_delete=models.CASCADE, related_name="search_record"
    )
    date = models.DateField(_("date"), null=True, blank=True)
    excerpt = models.TextField(_("excerpt"), blank=True)
    # The page's facet values again, {"theme": ["ipr"], ...}, so a page of
    # results shows them without another query.
    facet_values = models.JSONField(_("facet values"), default=dict, blank=True)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("search record")
        verbose_name_plural = _("search records")

    def __str__(self):
        return f"search record of page {self.page_id}"

    def facet_slugs(self, name):
        return self.facet_values.get(name, [])


class SearchFacet(models.Model):
    record = models.ForeignKey(SearchRecord, on_delete=models.CASCADE, related_name="facets")
    name = models.CharField(_("facet"), max_length=10, choices=FACET_NAMES)
    value = models.CharField(_("value"), max_length=120)

    wagtail_reference_index_ignore = True

    class Meta:
        verbose_name = _("search facet")
        verbose_name_plural = _("search facets")
        constraints = [
            models.UniqueConstraint(
                fields=["record", "name", "value"], name="unique_search_facet_per_record"
            )
        ]
        indexes = [models.Index(fields=["name", "value", "record"])]

    def __str__(self):
        return f"{self.name}={self.value}"
