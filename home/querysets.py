"""The portal's page queryset: which pages a visitor may see.

Every listing, feed, menu, sitemap and search asks the same question the
same way, with `.visible()`. Page models that are listed get it from their
manager:

    class NewsPage(Page):
        objects = PortalPageManager()

    NewsPage.objects.visible(locale_id).child_of(region_page)

An app that needs more (events: upcoming, past, ...) subclasses
PortalPageQuerySet in its own module and gives its model a manager made
from that. Listings that mix page types start from `every_page()`.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone
from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet


def not_restricted():
    """A filter for pages with no view restriction on themselves or an
    ancestor, in the same query (Wagtail's .public() needs one more).
    Listings use it through `visible()`."""
    ancestor_or_self = PageViewRestriction.objects.filter(
        page__path=Substr(OuterRef("path"), 1, Length("page__path"))
    )
    return ~Exists(ancestor_or_self)


class PortalPageQuerySet(PageQuerySet):
    def visible(self, locale=None):
        """The pages a visitor may see: live, not behind a view restriction
        (a password, a log-in or a group, on the page or an ancestor), not
        past their expiry date, and in `locale` (a Locale, its id or its
        language code) when one is given. Use it for every list of pages
        shown to visitors; it adds no query of its own."""
        pages = self.live().filter(
            not_restricted(), Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now())
        )
        if isinstance(locale, str):
            return pages.filter(locale__language_code=locale)
        if locale is not None:
            return pages.filter(locale=locale)
        return pages


PortalPageManager = PageManager.from_queryset(PortalPageQuerySet)


def every_page():
    """Pages of every type, ordered by their place in the tree as
    `Page.objects` is, with the portal's queryset methods: use it for lists
    that mix page types (menus, the sitemap, search)."""
    return PortalPageQuerySet(Page).order_by("path")
