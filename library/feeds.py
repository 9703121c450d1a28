"""RSS feeds of a library (one per language) and of each of its themes,
with Django's syndication framework. They list live, public items only,
newest first."""

from django.utils.translation import gettext as _

from home.feeds import FEED_ITEMS, PageFeed
from library.listing import topic_or_404


class LibraryFeed(PageFeed):
    date_field = "publication_date"
    author_field = "authors"

    def feed_page(self, obj):
        return obj["library"]

    def page_path(self, obj):
        library, topic = obj["library"], obj["topic"]
        return library.topic_url(topic) if topic is not None else library.url

    def feed_path(self, obj):
        return obj["library"].feed_url(obj["topic"])

    def title(self, obj):
        if obj["topic"] is not None:
            return f"{obj['library'].title}: {obj['topic'].name} · RUSMECO"
        return f"{obj['library'].title} · RUSMECO"

    def description(self, obj):
        if obj["topic"] is not None and obj["topic"].description:
            return obj["topic"].description
        return obj["library"].intro or _("New case studies, articles and expert advice.")

    def items(self, obj):
        items = obj["library"].items()
        if obj["topic"] is not None:
            items = items.filter(topics__translation_key=obj["topic"].translation_key)
        return items.newest()[:FEED_ITEMS]

    def item_categories(self, item):
        return [item.type_label]


def all_items(library, request):
    return LibraryFeed()(request, library=library, topic=None)


def topic_items(library, request, slug):
    return LibraryFeed()(request, library=library, topic=topic_or_404(library, slug))
