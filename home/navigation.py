"""The site's frame for one language: the home page, its main menu and the
footer links.

Every page shows the frame, so it is cached per site and language, and the
cache is dropped whenever a page is published, unpublished, moved or
deleted, a view restriction changes, or the site settings are saved (the
pages generation, home/caching.py, which these signals advance). A page
view then costs no query for its frame, the footer's contacts included;
building it costs four.

Menus list only the pages a visitor may see (see home/querysets.py): links
to private or expired pages are no use to visitors.
"""

from django.db.models import Case, Subquery, Value, When
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.caching import PAGES, cached
from home.models import SiteSettings
from home.querysets import every_page

CACHE_SECONDS = 60 * 60
PAGE_FIELDS = (
    "id",
    "title",
    "url_path",
    "path",
    "depth",
    "numchild",
    "translation_key",
    "locale_id",
)


def site_frame(request):
    """{"home_url", "menu": [{"title", "url"}], "footer": [...], "contact":
    {"email", "phone", "social_links"}} for the request's site in the active
    language."""
    site = Site.find_for_request(request)
    if site is None:
        return {"home_url": "/", "menu": [], "footer": [], "contact": {}}
    language = translation.get_language()
    return cached(
        f"navigation:{site.pk}:{language}",
        lambda: build_frame(request, site, language),
        PAGES,
        timeout=CACHE_SECONDS,
    )


def build_frame(request, site, language):
    def link(page):
        return {"title": page.title, "url": page.get_url(request)}

    home = (
        Page.objects.live()
        .filter(
            translation_key__in=Page.objects.filter(pk=site.root_page_id).values("translation_key"),
            locale__language_code=language,
        )
        .only(*PAGE_FIELDS)
        .first()
    )
    menu = []
    if home is not None:
        children = every_page().child_of(home).in_menu().visible().only(*PAGE_FIELDS)
        menu = [link(page) for page in children]
    footer = [link(page) for page in footer_pages(request, language)]
    settings = SiteSettings.for_request(request)
    return {
        "home_url": home.get_url(request) if home else f"/{language}/",
        "menu": menu,
        "footer": footer,
        # The footer's contacts, so that a page reads no settings row.
        "contact": {
            "email": settings.contact_email,
            "phone": settings.phone,
            "social_links": settings.social_links,
        },
    }


def footer_pages(request, language):
    """The About and Contact pages of the site settings, in `language`, in
    one query (a page not translated yet is left out)."""
    settings = SiteSettings.for_request(request)
    chosen_ids = [pk for pk in (settings.about_page_id, settings.contact_page_id) if pk]
    if not chosen_ids:
        return []

    def key_of(page_id):
        return Subquery(Page.objects.filter(pk=page_id).values("translation_key")[:1])

    position = Case(
        *(
            When(translation_key=key_of(pk), then=Value(index))
            for index, pk in enumerate(chosen_ids)
        ),
        default=Value(len(chosen_ids)),
    )
    return list(
        every_page()
        .visible(language)
        .filter(
            translation_key__in=Page.objects.filter(pk__in=chosen_ids).values("translation_key")
        )
        .only(*PAGE_FIELDS)
        .order_by(position)
    )


def connect_signals():
    """Any change that can alter a menu advances the pages generation."""
    forget = PAGES.advance
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(forget, dispatch_uid=f"navigation-{id(signal)}")
    post_delete.connect(forget, sender=Page, dispatch_uid="navigation-page-delete")
    for model in (PageViewRestriction, SiteSettings, Site):
        post_save.connect(forget, sender=model, dispatch_uid=f"navigation-save-{model}")
        post_delete.connect(forget, sender=model, dispatch_uid=f"navigation-del-{model}")
