"""Paginating the portal's listings."""

from django.core.paginator import Paginator


def page_of(request, items, per_page, count=None):
    """The page of `items` that the request's ?page= asks for.

    Use in every view that lists items page by page, together with the
    template includes/pagination.html. A missing or malformed number gives
    the first page and one past the end the last page, so an old link never
    fails. `count`, when the number of items is kept elsewhere (a topic's
    reply count), spares the query that counts them."""
    paginator = Paginator(items, per_page)
    if count is not None:
        paginator.count = count  # a cached property: set, it is not computed
    return paginator.get_page(request.GET.get("page"))
