"""RSS feeds of regional news: all regions of a language, and each region,
with Django's syndication framework. Live, public news only, newest first."""

from django.utils.translation import gettext as _

from home.feeds import FEED_ITEMS, PageFeed


class NewsFeed(PageFeed):
    def feed_page(self, obj):
        return obj["region_page"] or obj["index"]

    def page_path(self, obj):
        return self.feed_page(obj).url

    def feed_path(self, obj):
        page = self.feed_page(obj)
        return page.url + page.reverse_subpage("feed")

    def title(self, obj):
        return _("%(title)s: news · RUSMECO") % {"title": self.feed_page(obj).title}

    def description(self, obj):
        return _("News of the RUSMECO regional centres.")

    def items(self, obj):
        news = obj["index"].news()
        if obj["region_page"] is not None:
            news = news.child_of(obj["region_page"])
        return news.newest_first().select_related("region")[:FEED_ITEMS]

    def item_categories(self, item):
        return [item.region.name] if item.region else []


def all_news(index, request):
    return NewsFeed()(request, index=index, region_page=None)


def region_news(region_page, request):
    return NewsFeed()(request, index=region_page.get_parent().specific, region_page=region_page)
