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

from home.caching import PAGES, cached
from home.hooks import hook_results


def region_page_parts(request, region_page, news_shown):
    """A region page's news and sections, kept in the cache for a minute
    (and dropped at once when a page is published): read counts and
    registrations shown may lag by that minute."""

    def build():
        return {
            "news": region_page.latest_news(news_shown),
            "sections": region_sections(request, region_page),
        }

    return cached(f"community:region-page:{region_page.pk}", build, PAGES, timeout=60)


def region_sections(request, region_page):
    return hook_results("register_region_section", request, region_page, key=attrgetter("order"))
