"""RSS feeds of regional news: all regions of a language, and each region,
with Django's syndication framework. Live, public news only, newest first."""

import datetime

from django.contrib.syndication.views import Feed
from django.utils.translation import gettext as _

from community.models import NewsPage
from community.regional import newest_first

FEED_ITEMS = 30


class NewsFeed(Feed):
    def get_object(self, request, index, region_page):
        self.request = request
        _site_id, self.root_url, _path = index.get_url_parts(request)
        return {"index": index, "region_page": region_page}

    def page_of(self, obj):
        return obj["region_page"] or obj["index"]

    def title(self, obj):
        return _("%(title)s: news · RUSMECO") % {"title": self.page_of(obj).title}

    def link(self, obj):
        return self.root_url + self.page_of(obj).url

    def description(self, obj):
        return _("News of the RUSMECO regional centres.")

    def feed_url(self, obj):
        page = self.page_of(obj)
        return self.root_url + page.url + page.reverse_subpage("feed")

    def items(self, obj):
        news = NewsPage.objects.visible(obj["index"].locale_id).descendant_of(obj["index"])
        if obj["region_page"] is not None:
            news = news.child_of(obj["region_page"])
        return newest_first(news).select_related("region")[:FEED_ITEMS]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_author_name(self, item):
        return item.author or None

    def item_pubdate(self, item):
        return datetime.datetime.combine(item.date, datetime.time(9, 0))

    def item_categories(self, item):
        return [item.region.name] if item.region else []
