"""What the search page's facets read from a page: its type, themes, region
and date, found by introspection so that every page model takes part
without registering anything.

- type: the page's specific model ("library.articlepage"), shown with the
  model's verbose name.
- theme: the slugs of the `home.Topic`s the page is linked to, through a
  many-to-many or ParentalManyToMany field to Topic, or through an inline
  (orderable) model that has a foreign key to Topic.
- region: the slug of the `home.Region` a foreign key on the page points to.
- year: from the page's date — a date or datetime field of the page model
  named like `date`, `start`, `publication_date` … — else the date the page
  was first published.

A page model may name the attributes instead of leaving them to
introspection, with optional class attributes:

    class EventPage(Page):
        search_date_field = "start"          # a date/datetime field or attribute
        search_topics_field = "topics"       # an M2M field, or an inline's accessor
        search_region_field = "region"       # a ForeignKey to Region, or an attribute

An attribute may also be a property or method that returns a date, a
Region (or None) or an iterable of Topics. A model that sets one of them to
None opts out of that facet.

Slugs stay the same in every language (wagtail-localize synchronises them),
so a facet groups the Russian and English versions of a page together.
"""

import datetime

from django.db import models
from django.utils import timezone
from wagtail.models import Page

from home.models import Region, Topic

DATE_FIELD_NAMES = (
    "date",
    "start",
    "start_at",
    "starts_at",
    "start_date",
    "publication_date",
    "published_at",
    "published_on",
    "date_published",
    "event_date",
)
DATE_NAME_HINTS = ("date", "start", "publi")
UNSET = object()


def page_fields():
    return {field.name for field in Page._meta.get_fields()}


def _own_fields(model):
    inherited = page_fields()
    return [field for field in model._meta.get_fields() if field.name not in inherited]


def date_field_name(model):
    declared = getattr(model, "search_date_field", UNSET)
    if declared is not UNSET:
        return declared
    dated = [
        field.name
        for field in _own_fields(model)
        if isinstance(field, (models.DateField, models.DateTimeField))
    ]
    for name in DATE_FIELD_NAMES:
        if name in dated:
            return name
    for name in dated:
        if any(hint in name for hint in DATE_NAME_HINTS):
            return name
    return "first_published_at"


def topics_field_name(model):
    declared = getattr(model, "search_topics_field", UNSET)
    if declared is not UNSET:
        return declared
    for field in _own_fields(model):
        if field.many_to_many and field.related_model is Topic:
            return field.name
    for field in _own_fields(model):
        if field.one_to_many and _topic_foreign_key(field.related_model):
            return field.get_accessor_name()
    return None


def region_field_name(model):
    declared = getattr(model, "search_region_field", UNSET)
    if declared is not UNSET:
        return declared
    for field in _own_fields(model):
        if field.many_to_one and field.related_model is Region:
            return field.name
    return None


def _topic_foreign_key(model):
    for field in model._meta.get_fields():
        if field.many_to_one and field.related_model is Topic:
            return field.name
    return None


def _value(page, name):
    value = getattr(page, name, None)
    return value() if callable(value) and not isinstance(value, models.Manager) else value


def page_date(page):
    """The date that stands for the page in results and the year facet."""
    name = date_field_name(type(page))
    value = _value(page, name) if name else None
    if value is None and name != "first_published_at":
        value = page.first_published_at
    if isinstance(value, datetime.datetime):
        value = timezone.localtime(value) if timezone.is_aware(value) else value
        return value.date()
    return value if isinstance(value, datetime.date) else None


def page_topics(page):
    name = topics_field_name(type(page))
    if not name:
        return []
    value = _value(page, name)
    if value is None:
        return []
    items = value.all() if hasattr(value, "all") else value
    topics = []
    for item in items:
        if not isinstance(item, Topic):
            key = _topic_foreign_key(type(item))
            item = getattr(item, key, None) if key else None
        if item is not None:
            topics.append(item)
    return topics


def page_region(page):
    name = region_field_name(type(page))
    value = _value(page, name) if name else None
    return value if isinstance(value, Region) else None


def facet_values(page):
    """[(facet name, value)] for one specific page."""
    values = [("type", model_label(type(page)))]
    values += [("theme", topic.slug) for topic in page_topics(page)]
    region = page_region(page)
    if region is not None:
        values.append(("region", region.slug))
    date = page_date(page)
    if date is not None:
        values.append(("year", str(date.year)))
    return list(dict.fromkeys(values))


def model_label(model):
    return f"{model._meta.app_label}.{model._meta.model_name}"
