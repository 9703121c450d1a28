""" "What's new" on the home page: the newest things of every content part
(library items, event reports, regional news ...), merged newest first.

`home` imports none of the content apps. An app contributes by registering
a function with the `register_whats_new` Wagtail hook; it is given the home
page's locale id and how many entries are wanted, and returns a
`WhatsNewSource` (or None when it has nothing):

    @hooks.register("register_whats_new")
    def event_reports(locale_id, limit):
        return WhatsNewSource(
            entries=[WhatsNewEntry(date=..., title=..., url=..., kind=_("Event report"))],
            link_label=_("All events"), link_url=...,
        )

The merged list is kept in the cache for a minute per language and dropped
at once when a page is published, unpublished, moved or deleted (the pages
generation, see home/caching.py): counts shown in the entries (reads,
comments) may lag by that minute. A source whose entries are not pages
(members' blog posts) advances `ENTRIES` when one changes.
"""

import datetime
from dataclasses import dataclass, field

from django.utils import timezone

from home.caching import PAGES, Generation, cached
from home.hooks import hook_results
from home.sections import HomeSection

ENTRIES_SHOWN = 6
CACHE_SECONDS = 60
# Advanced by sources whose entries are not pages, when an entry changes.
ENTRIES = Generation("home:whats-new-entries")


@dataclass
class WhatsNewEntry:
    date: datetime.date | datetime.datetime
    title: str
    url: str
    kind: str
    # Short facts in the visitor's language: "21 reads" ...
    details: list = field(default_factory=list)
    # Who wrote it, as they wrote their names (content, shown as such).
    authors: list = field(default_factory=list)

    @property
    def day(self):
        if isinstance(self.date, datetime.datetime):
            return timezone.localdate(self.date)
        return self.date


@dataclass
class WhatsNewSource:
    entries: list
    link_label: str = ""
    link_url: str = ""


def collect(locale_id, limit=ENTRIES_SHOWN):
    """{"entries": the newest `limit` entries of all sources, "links":
    [(label, url)] of the sources that have a page of their own}."""
    entries, links = [], []
    for source in hook_results("register_whats_new", locale_id, limit):
        entries.extend(source.entries)
        if source.link_url and source.entries:
            links.append((str(source.link_label), source.link_url))
    entries.sort(key=lambda entry: entry.day, reverse=True)
    for entry in entries:
        entry.kind, entry.details = str(entry.kind), [str(detail) for detail in entry.details]
    return {"entries": entries[:limit], "links": links}


def whats_new(request, page):
    data = cached(
        f"home:whats-new:{page.locale_id}",
        lambda: collect(page.locale_id),
        PAGES,
        ENTRIES,
        timeout=CACHE_SECONDS,
    )
    if not data["entries"]:
        return None
    return HomeSection(order=10, template="home/includes/whats_new.html", context=data)
