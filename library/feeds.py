"""RSS feeds of a library (one per language) and of each of its themes,
with Django's syndication framework. They list live, public items only,
newest first."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from library.listing import newest
from library.models import LibraryItemPage

FEED_ITEMS = 30


class LibraryFeed(Feed):
    def get_object(self, request, library, topic):
        self.request = request
        # Links use the site's own address (as Wagtail's full URLs do), not
        # whatever host the request came in by.
        _site_id, self.root_url, _path = library.get_url_parts(request)
        return {"library": library, "topic": topic}

    def title(self, obj):
        if obj["topic"] is not None:
            return f"{obj['library'].title}: {obj['topic'].name} · RUSMECO"
        return f"{obj['library'].title} · RUSMECO"

    def link(self, obj):
        library, topic = obj["library"], obj["topic"]
        url = library.topic_url(topic) if topic is not None else library.url
        return self.root_url + url

    def description(self, obj):
        if obj["topic"] is not None and obj["topic"].description:
            return obj["topic"].description
        return obj["library"].intro or _("New case studies, articles and expert advice.")

    def feed_url(self, obj):
        return self.root_url + obj["library"].feed_url(obj["topic"])

    def items(self, obj):
        items = LibraryItemPage.objects.visible(obj["library"].locale_id).child_of(obj["library"])
        if obj["topic"] is not None:
            items = items.filter(topics__translation_key=obj["topic"].translation_key)
        return newest(items)[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.authors or None

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.publication_date, datetime.time(9, 0))

    def item_categories(self, item):
        return [item.type_label]
