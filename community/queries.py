"""The usual ways to narrow the community's data down, as queryset
methods: what member profiles and companies share in the people directory
(ProfileQuerySet and CompanyQuerySet extend DirectoryQuerySet beside their
models)."""

from django.db import models


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
