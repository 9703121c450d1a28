"""An event's region and themes in the language of the page that shows it.

An event's themes are the Topic rows chosen on its source page (a
translation shares them), and its region may be in another language too;
home/terms.py holds the terms of each language (cached; the listings also
use them for the filters and the feed links).
"""


def dress(events, terms):
    """Give each event `local_region` and `themes` (in their order) in the
    language of `terms` (home.terms.LocalTerms), so a listing costs the
    same however many events it shows. Listings prefetch the events'
    topics; a single event costs one query for its topics."""
    for event in events:
        event.local_region = terms.region_of(event)
        event.themes = terms.localized_all(event.topics.all())
    return events
