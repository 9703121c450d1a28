"""An event's region and themes in the language of the page that shows it.

An event's themes are the Topic rows chosen on its source page (a
translation shares them), and its region may be in another language too;
home/terms.py holds the terms of each language (cached; the listings also
use them for the filters and the feed links).
"""

from django.utils.functional import SimpleLazyObject


def dress(events, terms, lazy_themes=False):
    """Give each event `local_region` and `themes` (in their order) in the
    language of `terms` (home.terms.LocalTerms), so a listing costs the
    same however many events it shows. Listings prefetch the events'
    topics; a single event costs one query for its topics, or none until
    they are shown with `lazy_themes` (the event page, whose themes are
    in a fragment kept in the cache)."""
    for event in events:
        event.local_region = terms.region_of(event)
        if lazy_themes:
            event.themes = SimpleLazyObject(
                lambda event=event: terms.localized_all(event.topics.all())
            )
        else:
            event.themes = terms.localized_all(event.topics.all())
    return events
