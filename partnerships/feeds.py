"""The RSS feed of open listings: the newest of the partnerships page's
language, each with its type and themes as categories."""

from django.utils.translation import gettext as _

from home.feeds import FEED_ITEMS, PageFeed
from home.terms import terms_of_locale


class ListingFeed(PageFeed):
    def feed_page(self, obj):
        return obj["index"]

    def page_path(self, obj):
        return obj["index"].url

    def feed_path(self, obj):
        return obj["index"].url + obj["index"].reverse_subpage("feed")

    def title(self, obj):
        return f"{obj['index'].title} · RUSMECO"

    def description(self, obj):
        return obj["index"].intro or _("Offers and requests of the companies of RUSMECO.")

    def get_object(self, request, **obj):
        # The feed speaks the language of its page.
        self.language = obj["index"].locale.language_code
        return super().get_object(request, **obj)

    def items(self, obj):
        self.terms = terms_of_locale(obj["index"].locale_id)
        return list(obj["index"].listings().newest().for_cards()[:FEED_ITEMS])

    def item_author_name(self, item):
        return item.company.name if item.company else None

    def item_pubdate(self, item):
        return item.first_published_at

    def item_categories(self, item):
        themes = self.terms.localized_all(item.topics.all())
        return [str(item.type_label), *(topic.name for topic in themes)]


def listings(index_page, request):
    return ListingFeed()(request, index=index_page)
