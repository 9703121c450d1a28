"""Purging the front cache (Varnish in the production layout) when a page
is published, unpublished, moved or deleted.

The cache keeps anonymous visitors' public pages for their max-age
(PUBLIC_PAGE_MAX_AGE); a change must show at once on the page and wherever
it is listed. So one batch purges:

- the page in every language (each translation at its own address);
- the pages above each translation up to its home page: its index (the
  library, the events calendar, a region's news, a forum), the sections
  above that, and the home page with its "What's new";
- the pages that list it elsewhere, which the apps name through the
  `register_front_cache_lists` Wagtail hook (a case study or an event on
  its region's page, say):

    @hooks.register("register_front_cache_lists")
    def region_pages(page):
        return RegionPage.objects.filter(region_id=page.region_id)  # or None

The batch goes out from the worker (Wagtail's purge is a background task in
the queue), after the change is committed. Pages further down a list
(?page=2) and the menu on other pages are refreshed by their max-age.
Nothing happens unless FRONTEND_CACHE_URL is set (settings/base.py).
"""

from django.apps import apps
from django.conf import settings
from django.db.models.signals import pre_delete
from wagtail.contrib.frontend_cache import signal_handlers as wagtail_purges
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.hooks import hook_results


def enabled():
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


def pages_showing(page):
    """`page`, its translations and the pages that list any of them."""
    translations = list(Page.objects.filter(translation_key=page.translation_key))
    if page.pk not in {translation.pk for translation in translations}:
        translations.append(page)
    # Ancestors below the tree's root (depth 1), found by their paths.
    step = Page.steplen
    above = {
        translation.path[:end]
        for translation in translations
        for end in range(2 * step, len(translation.path), step)
    }
    listed_in = list(Page.objects.filter(path__in=above)) if above else []
    specific = page.specific_deferred
    for pages in hook_results("register_front_cache_lists", specific):
        listed_in.extend(pages)
    return translations + listed_in


def purge(pages, urls=()):
    batch = PurgeBatch()
    batch.add_pages(pages)
    batch.add_urls(urls)
    batch.purge()


def page_changed(instance, **kwargs):
    if enabled():
        purge(pages_showing(instance))


def page_moved(instance, url_path_before, parent_page_before, **kwargs):
    """The page at its new address and its old one, and the lists of both."""
    if not enabled():
        return
    url_path_after = instance.url_path
    instance.url_path = url_path_before
    try:
        old_url = instance.get_full_url()
    finally:
        instance.url_path = url_path_after
    purge(pages_showing(instance) + pages_showing(parent_page_before), [old_url] if old_url else [])


def page_deleted(instance, **kwargs):
    # Before the rows go, while the page's translations and ancestors can
    # still be read; the purge is queued in the same transaction.
    if enabled():
        purge(pages_showing(instance))


def connect_signals():
    """The portal's purges instead of Wagtail's own, which purges only the
    published page (with its language prefix swapped) and misses moves and
    deletions."""
    for model in [model for model in apps.get_models() if issubclass(model, Page)]:
        page_published.disconnect(wagtail_purges.page_published_signal_handler, sender=model)
        page_unpublished.disconnect(wagtail_purges.page_unpublished_signal_handler, sender=model)
    page_published.connect(page_changed, dispatch_uid="front-cache-published")
    page_unpublished.connect(page_changed, dispatch_uid="front-cache-unpublished")
    post_page_move.connect(page_moved, dispatch_uid="front-cache-moved")
    pre_delete.connect(page_deleted, sender=Page, dispatch_uid="front-cache-deleted")
