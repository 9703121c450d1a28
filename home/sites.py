"""Which Wagtail site answers a request, from the cache.

Wagtail looks the site up in the database on every request (Site keeps
it only on the request object), a query and a few milliseconds of query
building for each member's page, then loads the home page's own row.
Sites change rarely: the one found for a host and port, with its home
page, is kept in the cache until the pages generation advances, which
saving or deleting a site does (home/navigation.py), as does publishing
or moving any page, the home page included.
"""

from django.http.request import split_domain_port
from wagtail.models import Site

from home.caching import PAGES, cached

# The generation makes it exact; the timeout only lets unused entries go.
SITE_SECONDS = 60 * 60


class CachedSiteMiddleware:
    """Sets the request's Wagtail site (what Site.find_for_request returns)
    from the cache. After CommonMiddleware, so only the hosts in
    ALLOWED_HOSTS get an entry; after the page cache, so a page served from
    it looks nothing up."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        hostname = split_domain_port(request.get_host())[0]
        port = request.get_port()
        # No site at all (a fresh database) is not cached and is looked up
        # again on the next request.
        request._wagtail_site = cached(
            f"site:{hostname}:{port}",
            lambda: _find_site(request),
            PAGES,
            timeout=SITE_SECONDS,
        )
        return self.get_response(request)


def _find_site(request):
    """Wagtail's own lookup, with the root page as its specific type:
    Wagtail routes every page view from `site.root_page.localized.specific`,
    a query for the home page's own row each time unless it is already at
    hand."""
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page = site.root_page.specific
    return site
