"""Finding the page of an address below a home page with one query.

Wagtail walks the tree from the home page, two queries for each step of
the address (the child by its slug, then its specific row): four for a
library item, before the page is even looked at. Which page answers an
address changes only when pages are published, unpublished, moved or
deleted, so the walk's outcome (the page that answers and how much of the
address it was given) is kept in the cache until the pages generation
advances (home/caching.py); a warm request loads just that page, fresh
from the database, and lets it route the rest as Wagtail would (its live
state, its own sub-addresses).

The walk is Wagtail's own (Page.route and RoutablePageMixin.route): a
routable page's sub-address wins over a child of the same name, and a page
type with a route of its own ends the walk there.
"""

from django.contrib.contenttypes.models import ContentType
from django.http import Http404
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page

from home.caching import PAGES, cached

# The generation makes it exact; the timeout only lets unused entries go.
ROUTE_SECONDS = 60 * 60
# Longer addresses are routed by Wagtail, uncached.
MAX_PATH = 300


def _walk(home, components):
    """(the page that Wagtail's walk from `home` hands the rest of the
    address to, the number of components consumed), or None where the walk
    finds no page (Wagtail then answers 404)."""
    page, consumed = home, 0
    while consumed < len(components):
        route = type(page).route
        if route is RoutablePageMixin.route:
            if page.live:
                try:
                    page.resolve_subpage("/" + "/".join(components[consumed:]) + "/")
                except Http404:
                    pass
                else:
                    break
        elif route is not Page.route and page is not home:
            break
        child = page.get_children().filter(slug=components[consumed]).first()
        if child is None:
            return None
        page, consumed = child.specific, consumed + 1
    return page, consumed


def route(home, request, components):
    """Wagtail's RouteResult for `components` below `home` (a HomePage),
    with one query once the walk is cached; None where Wagtail's own walk
    should answer. Raises Http404 as Wagtail does."""
    if sum(len(component) + 1 for component in components) > MAX_PATH:
        return None
    walked = []

    def build():
        found = _walk(home, components)
        if found is None:
            return None
        walked.append(found)
        page, consumed = found
        return page.pk, ContentType.objects.get_for_model(type(page)).pk, consumed

    found = cached(f"route:{home.pk}:" + "/".join(components), build, PAGES, timeout=ROUTE_SECONDS)
    if found is None:
        return None
    if walked:  # walked just now: the page is at hand
        page, consumed = walked[0]
    else:
        pk, content_type_id, consumed = found
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        page = model.objects.filter(pk=pk).first() if model is not None else None
        if page is None:
            return None
    return page.route(request, components[consumed:])


class CachedViewRestrictionsMixin:
    """For page types read on every member's visit: mix in before Page.
    Wagtail checks a page's view restrictions (its own and its ancestors')
    before serving it, two queries each time, though they change only
    when a restriction is saved or deleted or a page moves, which advance
    the pages generation (home/navigation.py). Which restrictions apply is
    kept in the cache till then; a page without any asks nothing, one with
    some loads them fresh."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        ids = cached(
            f"view-restrictions:{self.pk}",
            lambda: list(
                super(CachedViewRestrictionsMixin, self)
                .get_view_restrictions()
                .values_list("pk", flat=True)
            ),
            PAGES,
            timeout=ROUTE_SECONDS,
        )
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
