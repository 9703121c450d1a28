"""The library index and its theme pages: the filters, the sidebar and
the page of items (`LibraryIndexPage.items()`, shaped for cards by
library/queries.py).

What the sidebar shows changes only when pages are published or themes and
regions are edited, so it is cached until the next such change (the pages
and taxonomy generations, home/caching.py).
"""

import functools

from django.db.models import Count
from django.http import Http404
from django.utils.functional import SimpleLazyObject

from home.caching import PAGES, TAXONOMY, cached
from home.pagination import page_of
from home.terms import terms_of_locale
from library.filters import LibraryFilterForm

ITEMS_PER_PAGE = 12
CACHE_SECONDS = 60 * 60


def attach_themes(items, terms):
    """Give each item `themes`: its themes in the language of `terms`
    (home.terms.LocalTerms; an item translated with wagtail-localize keeps
    the themes of its source)."""
    for item in items:
        item.themes = terms.localized_all(item.topics.all())
    return items


def theme_counts(items, topics):
    """[(topic, number of items)] for every topic, in the topics' order."""
    counts = dict(
        items.order_by()
        .values_list("topics__translation_key")
        .annotate(total=Count("pk", distinct=True))
    )
    return [(topic, counts.get(topic.translation_key, 0)) for topic in topics]


def sidebar(library):
    """Themes, regions, publication years, theme counts and the number of
    items of a library: the same for every visitor, so cached until the
    next change."""

    def build():
        items = library.items()
        terms = terms_of_locale(library.locale_id)
        return {
            "topics": terms.topics,
            "regions": terms.regions,
            "years": [date.year for date in items.dates("publication_date", "year", "DESC")],
            "theme_counts": theme_counts(items, terms.topics),
            "total": items.count(),
        }

    return cached(f"library:sidebar:{library.pk}", build, PAGES, TAXONOMY, timeout=CACHE_SECONDS)


def known_count(facts, topic):
    """The number of items of the library (topic=None) or of one of its
    themes, from the cached sidebar: counting them anew would read the
    whole library on every page of the listing."""
    if topic is None:
        return facts["total"]
    counts = {theme.translation_key: count for theme, count in facts["theme_counts"]}
    return counts.get(topic.translation_key)


def topic_or_404(library, slug):
    """The theme of a theme page's address, in the library's language."""
    for topic in sidebar(library)["topics"]:
        if topic.slug == slug:
            return topic
    raise Http404


def listing_context(request, library, topic):
    """Context of the library index (topic=None) and of a theme page."""
    facts = sidebar(library)
    topics = facts["topics"]
    filter_form = LibraryFilterForm(
        request.GET, topics=topics, regions=facts["regions"], years=facts["years"]
    )
    items = library.items()
    if topic is not None:
        # A theme page is the theme filter: the form offers the others.
        del filter_form.fields["theme"]
        items = items.filter(topics__translation_key=topic.translation_key)
    filtered = filter_form.apply(items, {t.slug: t for t in topics})

    @functools.cache
    def cards():
        page_of_items = page_of(
            request,
            filtered.newest().with_card_data(),
            ITEMS_PER_PAGE,
            count=None if filter_form.values() else known_count(facts, topic),
        )
        terms = terms_of_locale(library.locale_id)
        return page_of_items, attach_themes(list(page_of_items.object_list), terms)

    return {
        "topic": topic,
        # Asked of the database only when the listing's fragment is not in
        # the cache (templates/library/library_index_page.html).
        "items": SimpleLazyObject(lambda: cards()[1]),
        "page_of_items": SimpleLazyObject(lambda: cards()[0]),
        "filter_form": filter_form,
        "filtered": bool(filter_form.values()),
        "theme_counts": [
            (theme, count, library.topic_url(theme)) for theme, count in facts["theme_counts"]
        ],
        "feed_url": library.feed_url(topic),
        "library": library,
    }
