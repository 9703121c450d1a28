"""Template tags of the site's frame: language links, menu, footer and the
home page sections."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from home import freshness, navigation
from home.access import may_use_admin
from home.caching import PAGES, cached
from home.sections import home_sections

register = template.Library()

# The pages generation makes the language links exact; the timeout only
# lets unused entries go.
TRANSLATIONS_SECONDS = 24 * 60 * 60


@register.simple_tag(takes_context=True)
def userbar(context):
    """Wagtail's editing bar, for those who may use the editors' area.
    Wagtail's own tag asks the database for all of a member's permissions
    on every page; whether they may is kept in the cache (home/access.py)."""
    request = context.get("request")
    if request is None or not may_use_admin(request.user):
        return ""
    return wagtailuserbar(context)


@register.simple_tag(takes_context=True)
def language_links(context):
    """The language of the content shown and, per language, where the
    switcher leads and whether the content exists in it.

    For a Wagtail page the links go to its live translations; a language
    with no translation yet leads to a page that says so. Other views
    (search, log-in, errors) translate their own URL.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    links = []
    if isinstance(page, Page) and page.pk:
        translations = _translations(request, page)
        language = next(
            (code for code, (pk, _url) in translations.items() if pk == page.pk), current
        )
        subpath = _routable_subpath(request, page)
        for code, name in settings.LANGUAGES:
            translated = translations.get(code)
            if translated is not None:
                url = translated[1] + subpath
            else:
                with translation.override(code):
                    url = reverse("translation_missing", args=[page.pk])
            links.append(_link(request, code, name, url, translated is not None, language))
    else:
        language = current
        path = on_site(request.get_full_path())
        for code, name in settings.LANGUAGES:
            url = on_site(translate_url(path, code))
            links.append(_link(request, code, name, url, True, language))
    return {"language": language, "links": links}


@register.inclusion_tag("includes/translation_notice.html", takes_context=True)
def translation_notice(context):
    """A notice on a translated page whose original was published after the
    translation was last synced (home/freshness.py): when, and a link to
    the original. Nothing for an original, an untranslated page or a
    translation in step with its original."""
    request = context.get("request")
    page = context.get("page")
    if request is None or not isinstance(page, Page) or not page.pk:
        return {}
    versions = _versions(request, page)
    if versions["out_of_date"] is None:
        return {}
    language, published_at = versions["out_of_date"]
    return {
        "original": freshness.ORIGINALS.get(language, language),
        "original_language": language,
        "original_url": versions["links"][language][1],
        "updated": published_at,
    }


def _translations(request, page):
    """{language code: (page id, URL)} of the live translations of `page`,
    itself included."""
    return _versions(request, page)["links"]


def _versions(request, page):
    """The live language versions of `page` (`links`: {language code:
    (page id, URL)}, itself included) and whether it lags behind its
    original (`out_of_date`: see home/freshness.py): from the cache until
    pages change, so a warm page pays no query for its language switcher
    and the notice, and a cold one a single query for both."""
    site = Site.find_for_request(request)

    def build():
        versions = list(
            freshness.with_sync_dates(
                page.get_translations(inclusive=True).live().select_related("locale"), page
            )
        )
        return {
            "links": {
                version.locale.language_code: (version.pk, version.get_url(request))
                for version in versions
            },
            "out_of_date": freshness.out_of_date_since(page, versions),
        }

    return cached(
        f"page-versions:{page.pk}:{site.pk if site else 0}",
        build,
        PAGES,
        timeout=TRANSLATIONS_SECONDS,
    )


def on_site(path):
    """`path` as a path on this site. An address that starts with two or
    more slashes ("//evil.example/x") would be read by browsers as another
    site's address; the slashes are folded into one."""
    return "/" + path.lstrip("/")


def _routable_subpath(request, page):
    """The part of the address below a routable page (a profile under the
    people directory, a theme under the library) with its query string, so
    the switcher leads to the same view of the translated page. Route
    arguments (ids, slugs) are the same in every language."""
    if not hasattr(request, "routable_resolver_match"):
        return ""
    own_url = page.get_url(request) or ""
    if not own_url or not request.path.startswith(own_url):
        return ""
    subpath = request.path[len(own_url) :]
    query = request.META.get("QUERY_STRING", "")
    return subpath + (f"?{query}" if query else "")


def _link(request, code, name, url, exists, current):
    return {
        "code": code,
        "name": name,
        "url": url,
        "absolute_url": request.build_absolute_uri(url),
        "exists": exists,
        "current": code == current,
    }


@register.simple_tag(takes_context=True)
def site_frame(context):
    """Home link, main menu and footer links of the current language (see
    home/navigation.py), with the menu item of the current section marked."""
    request = context["request"]
    frame = navigation.site_frame(request)
    home_url = frame["home_url"]
    menu = [
        {**item, "active": item["url"] != home_url and request.path.startswith(item["url"])}
        for item in frame["menu"]
    ]
    return {**frame, "menu": menu}


@register.simple_tag(takes_context=True)
def home_page_sections(context, page):
    """The sections the content apps add to the home page, in order (see
    home/sections.py). Each is shown with its own template, which finds its
    data in `section.context`."""
    return home_sections(context["request"], page)
