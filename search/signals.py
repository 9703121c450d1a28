"""Index a page again once its publication is complete.

Wagtail indexes a page when its row is saved, which happens before
modelcluster commits the page's inline objects and ParentalManyToMany
values (its themes, say). Indexing again on `page_published` makes the
index, the search record and the facets see the page as published. With an
external engine, errors are logged by Wagtail and the page publishes all
the same; `update_index` catches up later.
"""

from modelsearch import index
from wagtail.signals import page_published


def reindex_published_page(sender, instance, **kwargs):
    index.insert_or_update_object(instance.specific)


def connect():
    page_published.connect(reindex_published_page, dispatch_uid="search-reindex-published")
