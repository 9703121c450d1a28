"""What the portal's RSS feeds share, on Django's syndication framework."""

import datetime

from django.contrib.syndication.views import Feed

FEED_ITEMS = 30


class PageFeed(Feed):
    """An RSS feed of pages with a title, a summary and a day (news, library
    items ...), in the active language.

    Use as the base of every RSS feed of the portal. The feed is called with
    keyword arguments (the page it belongs to and what narrows it, such as a
    theme), which become `obj`. A subclass names that page in `feed_page()`,
    gives the paths `page_path()` and `feed_path()`, `title()`,
    `description()`, `items()` (at most FEED_ITEMS, newest first) and
    `item_categories()`, and says which fields of an item hold its day and
    its author.
    """

    date_field = "date"
    author_field = "author"

    def get_object(self, request, **obj):
        self.request = request
        # Links use the site's own address (as Wagtail's full URLs do), not
        # whatever host the request came in by.
        _site_id, self.root_url, _path = self.feed_page(obj).get_url_parts(request)
        return obj

    def link(self, obj):
        return self.root_url + self.page_path(obj)

    def feed_url(self, obj):
        return self.root_url + self.feed_path(obj)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return getattr(item, self.author_field) or None

    def item_pubdate(self, item):
        # Items have a day, not a time: they are dated nine in the morning.
        return datetime.datetime.combine(getattr(item, self.date_field), datetime.time(9, 0))
