"""Regions and themes in the language of the page that shows them.

An event's themes are the Topic rows chosen on its source page (a
translation shares them), and its region may be in another language too.
`Terms` holds the regions and themes of one language (cached; also used
for the filters and the feed links) and swaps each event's terms for their
translations, so a listing costs the same however many events it shows.
"""

from home.caching import TAXONOMY, cached
from home.models import Region, Topic

CACHE_SECONDS = 60 * 60


class Terms:
    def __init__(self, locale_id):
        self.locale_id = locale_id
        self.regions, self.topics = _terms_of(locale_id)
        self._by_key = {term.translation_key: term for term in self.regions + self.topics}
        self._regions_by_pk = {region.pk: region for region in self.regions}

    def localized(self, term):
        """The term in this language, or the term itself if it has no
        translation yet."""
        if term is None:
            return None
        return self._by_key.get(term.translation_key, term)

    def region(self, slug):
        return next((region for region in self.regions if region.slug == slug), None)

    def topic(self, slug):
        return next((topic for topic in self.topics if topic.slug == slug), None)

    def dress(self, events):
        """Give each event `local_region` and `themes` (sorted) in this
        language. Listings prefetch the events' topics; a single event
        costs one query for its topics."""
        for event in events:
            event.local_region = self._region_of(event)
            event.themes = _sorted([self.localized(topic) for topic in event.topics.all()])
        return events

    def _region_of(self, event):
        if not event.region_id:
            return None
        cached = self._regions_by_pk.get(event.region_id)
        if cached is not None:
            event.region = cached  # the same row, so the page needs no query for it
            return cached
        return self.localized(event.region)


def _terms_of(locale_id):
    """The regions and themes of a language. They change rarely and every
    listing needs them, so they are cached until one of them changes (the
    taxonomy generation, home/caching.py)."""

    def build():
        return (
            list(Region.objects.filter(locale_id=locale_id)),
            list(Topic.objects.filter(locale_id=locale_id)),
        )

    return cached(f"events:terms:{locale_id}", build, TAXONOMY, timeout=CACHE_SECONDS)


def _sorted(topics):
    return sorted(topics, key=lambda topic: (topic.sort_order, topic.name))
