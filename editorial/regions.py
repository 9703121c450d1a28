"""Which regions a user coordinates, and which region a page belongs to.

A coordinator is a member of the group bound to the region
(`Region.coordinators`, home/region_roles.py). Pages carry their region in a `region` foreign key to
home.Region on their own model (library items, events, regional pages …);
the models are found in the app registry, so a new app's regional pages
appear on the dashboard without a change here.
"""

import functools

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import CharField, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.models import Page

from home.region_roles import coordinated_region_slugs as coordinated_region_slugs_of


def coordinated_region_slugs(user):
    """The slugs of the regions `user` coordinates, sorted; None for a
    superuser, who oversees every region. One query (none for superusers)."""
    if user.is_superuser:
        return None
    return sorted(coordinated_region_slugs_of(user))


@functools.cache
def region_page_models():
    """The page models whose own table holds a `region` (a home.Region).

    A subclass that inherits the field (a case study is a library item)
    shares its parent's column, so only the parent is listed."""
    from home.models import Region

    found = []
    for model in apps.get_models():
        if not issubclass(model, Page):
            continue
        try:
            field = model._meta.get_field("region")
        except FieldDoesNotExist:
            continue
        if field.many_to_one and field.related_model is Region and field.model is model:
            found.append(model)
    return tuple(found)


@functools.cache
def regional_page_types():
    """Every concrete page model that has a region, subclasses included:
    what comments and other generic relations name as content types."""
    parents = region_page_models()
    return tuple(
        model for model in apps.get_models() if issubclass(model, parents) and not model._meta.proxy
    )


def page_region_slug(page_pk):
    """An expression: the slug of the region of the page whose id is
    `page_pk` (an OuterRef), whatever its type; NULL for pages without one.

    One look-up by primary key per regional model, in the query that uses
    it (unordered: pages' default ordering by tree path would join the
    page table for nothing)."""
    slugs = [
        Subquery(model._default_manager.filter(pk=page_pk).order_by().values("region__slug")[:1])
        for model in region_page_models()
    ]
    if not slugs:
        return Value(None, output_field=CharField())
    if len(slugs) == 1:
        return slugs[0]
    return Coalesce(*slugs, output_field=CharField())
