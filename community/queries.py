"""The usual ways to narrow the community's data down, as queryset
methods: regional news (`NewsPage.objects`), and what member profiles and
companies share in the people directory (ProfileQuerySet and
CompanyQuerySet extend DirectoryQuerySet beside their models)."""

from django.db import models
from wagtail.models import PageManager

from home.querysets import PortalPageQuerySet
from home.reads import reads_annotation


class DirectoryQuerySet(models.QuerySet):
    """For models listed in the people directory, which have a `region` and
    a `search_name` (the name folded to lower case)."""

    def filtered(self, q=None, region=None):
        """Narrow down by a piece of the name, in any case, and by region
        slug (the same in every language). Subclasses add their own
        filters."""
        listed = self
        if q:
            listed = listed.filter(search_name__contains=q.casefold())
        if region:
            listed = listed.filter(region__slug=region)
        return listed


class NewsPageQuerySet(PortalPageQuerySet):
    def newest_first(self):
        """Latest news first, by date."""
        return self.order_by("-date", "-first_published_at", "-pk")

    def for_listing(self):
        """What lists of news show: region, lead image and read count in the
        same query, the long fields left out."""
        news = self.select_related("region", "lead_image").defer("body", "gallery")
        return news.annotate(reads=reads_annotation())


NewsPageManager = PageManager.from_queryset(NewsPageQuerySet)
