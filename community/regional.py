"""What the region pages show: the regional centres, their news, and the
sections other apps add to a region's page (its upcoming events, its case
studies) through the `register_region_section` Wagtail hook:

    @hooks.register("register_region_section")
    def region_events(request, region_page):
        return HomeSection(order=20, template="events/includes/region_events.html",
                           context={"events": ...})

The sections use home.sections.HomeSection; a function may return None.
"""

from operator import attrgetter

from community.models import NewsPage, RegionPage
from home.caching import PAGES, cached
from home.hooks import hook_results
from home.reads import reads_annotation


def region_pages(index):
    return list(RegionPage.objects.child_of(index).visible().select_related("region"))


def newest_first(news):
    return news.order_by("-date", "-first_published_at", "-pk")


def latest_news(locale_id, region_page=None, limit=5):
    news = NewsPage.objects.visible(locale_id)
    if region_page is not None:
        news = news.child_of(region_page)
    news = newest_first(news).select_related("region", "lead_image").defer("body", "gallery")
    return list(news.annotate(reads=reads_annotation())[:limit])


def region_page_parts(request, region_page, news_shown):
    """A region page's news and sections, kept in the cache for a minute
    (and dropped at once when a page is published): read counts and
    registrations shown may lag by that minute."""

    def build():
        return {
            "news": latest_news(region_page.locale_id, region_page=region_page, limit=news_shown),
            "sections": region_sections(request, region_page),
        }

    return cached(f"community:region-page:{region_page.pk}", build, PAGES, timeout=60)


def region_sections(request, region_page):
    return hook_results("register_region_section", request, region_page, key=attrgetter("order"))
