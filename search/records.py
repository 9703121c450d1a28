"""Writes the search records and facets of pages as they enter the index.

Called by the portal's search backends (database, Elasticsearch and
OpenSearch alike) from `add_items`, which Wagtail calls on every save of an
indexed object and from `update_index`.
"""

from contextlib import suppress

from django.db import transaction
from django.db.models import prefetch_related_objects
from django.utils.encoding import force_str
from modelsearch.index import SearchField
from wagtail.models import Page

from portal import page_cache
from search.facets import facet_values, page_date, topics_field_name
from search.models import SearchFacet, SearchRecord

EXCERPT_LENGTH = 4000


def plain_value(value):
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, tuple)):
        return " ".join(plain_value(item) for item in value)
    if isinstance(value, dict):
        return " ".join(plain_value(item) for item in value.values())
    return force_str(value)


def excerpt(page):
    """The page's searchable text other than its title, as plain text."""
    texts = [page.search_description] if page.search_description else []
    for field in page.get_search_fields():
        if isinstance(field, SearchField) and field.field_name != "title":
            texts.append(plain_value(field.get_value(page)))
    return " ".join(" ".join(texts).split())[:EXCERPT_LENGTH]


def _prefetch_topics(pages):
    """One query per model for the topics of a batch (update_index)."""
    if len(pages) < 2:
        return
    name = topics_field_name(type(pages[0]))
    if name:
        # An attribute rather than a relation cannot be prefetched: then
        # each page reads its own.
        with suppress(AttributeError, ValueError):
            prefetch_related_objects(pages, name)


def store_records(model, objects):
    """Create or replace the search records of `objects` (pages of one model)."""
    if not issubclass(model, Page):
        return
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if not pages:
        return
    _prefetch_topics(pages)
    records, facets = [], []
    for page in pages:
        values = [(name, value[:120]) for name, value in facet_values(page)]
        grouped = {}
        for name, value in values:
            grouped.setdefault(name, []).append(value)
        records.append(
            SearchRecord(
                page_id=page.pk, date=page_date(page), excerpt=excerpt(page), facet_values=grouped
            )
        )
        facets += [SearchFacet(record_id=page.pk, name=name, value=value) for name, value in values]
    with transaction.atomic():
        SearchRecord.objects.bulk_create(
            records,
            update_conflicts=True,
            unique_fields=["page"],
            update_fields=["date", "excerpt", "facet_values"],
        )
        SearchFacet.objects.filter(record_id__in=[page.pk for page in pages]).delete()
        SearchFacet.objects.bulk_create(facets)
    # The search page shows the records (the page cache leaves them out of
    # the changes it follows, row by row).
    page_cache.changed()
