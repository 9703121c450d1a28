"""Short-lived caches of what library pages show and what changes only when
pages are published or themes and regions are edited: the sidebar of the
library (themes with their counts, regions, years) and an item's themes and
region.

Each key carries two generations: the site's navigation generation, which
home/navigation.py advances whenever a page is published, unpublished,
moved or deleted or a view restriction changes, and the library's own,
advanced when a theme or region is saved or deleted (library/signals.py).
A change is therefore visible at once; the cache only spares queries
between changes.
"""

from django.core.cache import cache

from home import navigation

TAXONOMY_GENERATION_KEY = "library:taxonomy:generation"
CACHE_SECONDS = 60 * 60


def generation():
    keys = [navigation.GENERATION_KEY, TAXONOMY_GENERATION_KEY]
    found = cache.get_many(keys)
    for key in keys:
        if key not in found:
            cache.add(key, 1, None)
            found[key] = cache.get(key, 1)
    return f"{found[keys[0]]}.{found[keys[1]]}"


def cached(name, build, timeout=CACHE_SECONDS):
    """`build()`'s value, kept until the next change of pages or taxonomies
    (or for `timeout` seconds)."""
    key = f"library:{name}:{generation()}"
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout)
    return value


def forget_taxonomies(**kwargs):
    try:
        cache.incr(TAXONOMY_GENERATION_KEY)
    except ValueError:
        cache.set(TAXONOMY_GENERATION_KEY, 1, None)
