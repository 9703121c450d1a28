"""`/sitemap.xml`: the pages visitors may see, of every language, each with
hreflang links to its translations.

Wagtail's own sitemap lists the pages under the site's root page, the
Russian home page; the English home page is a translation of it, a sibling
in the page tree, so its pages would be missing. This sitemap lists the
pages under every translation of the root page instead.

Django's sitemap template already writes an `<xhtml:link rel="alternate">`
for each entry of a URL's `alternates`; Wagtail's sitemap builds its URLs
page by page from `Page.get_sitemap_urls()` (which pages may override, e.g.
to return [] and stay out), so `_urls` is extended the way Wagtail extends
Django's: the translations of a whole sitemap page are fetched in one query
and added to each page's own URL.
"""

import operator
from collections import defaultdict
from functools import cached_property, reduce

from django.conf import settings
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from home.querysets import every_page


class PortalSitemap(Sitemap):
    # Kept for the request (a sitemap is made per request): finding the
    # root's translations takes a query.
    @cached_property
    def public_pages(self):
        """The pages of every language of the site that visitors may see
        (no password, log-in or group needed for them or an ancestor)."""
        root = self.get_wagtail_site().root_page
        under_a_root = reduce(
            operator.or_,
            (
                Page.objects.descendant_of_q(translated_root, inclusive=True)
                for translated_root in root.get_translations(inclusive=True)
            ),
        )
        return every_page().filter(under_a_root).visible()

    def items(self):
        # Specific pages, so that each page's own get_sitemap_urls() is used.
        return self.public_pages.order_by("path").defer_streamfields().specific()

    def translations_of(self, pages):
        """{page id: (its URL, its hreflang links)} for `pages` and their
        listed translations. The links follow the order of LANGUAGES and end
        with x-default, for visitors of any other language, at the page in
        the source language."""
        translations = list(
            self.public_pages.filter(
                translation_key__in={page.translation_key for page in pages}
            ).select_related("locale")
        )
        urls_by_key = defaultdict(dict)
        location = {}
        for page in translations:
            location[page.pk] = page.get_full_url(self.request)
            urls_by_key[page.translation_key][page.locale.language_code] = location[page.pk]

        links_by_key = {}
        for key, urls in urls_by_key.items():
            links = [
                {"lang_code": code, "location": urls[code]}
                for code, _name in settings.LANGUAGES
                if code in urls
            ]
            if settings.LANGUAGE_CODE in urls:
                links.append({"lang_code": "x-default", "location": urls[settings.LANGUAGE_CODE]})
            links_by_key[key] = links
        return {
            page.pk: (location[page.pk], links_by_key[page.translation_key])
            for page in translations
        }

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        hreflang = self.translations_of(pages)

        urls = []
        last_mods = set()
        for item in pages:
            # (A page unpublished since the first query has no links.)
            own_location, links = hreflang.get(item.pk, (None, []))
            for url_info in item.get_sitemap_urls(self.request):
                # Only the page's own URL has translations; other URLs a page
                # may add (a feed, say) are listed as they are.
                if url_info["location"] == own_location:
                    url_info = {**url_info, "alternates": links}
                urls.append(url_info)
                last_mods.add(url_info.get("lastmod"))

        # As Wagtail's sitemap does: the Last-Modified header, when every
        # URL has a date.
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
