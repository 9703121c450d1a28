"""Template tags of the site's frame: language links, menu, footer and the
home page sections."""

import hashlib

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.admin.templatetags.wagtailuserbar import wagtailuserbar
from wagtail.models import Page, Site

from glossary.lookup import GLOSSARY
from home import freshness, navigation
from home.access import may_use_admin
from home.caching import PAGES, TAXONOMY, Generation, cached
from home.sections import home_sections
from portal import page_cache

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
    # The switcher and the notice both ask: once per request.
    remembered = request.__dict__.setdefault("_page_versions", {})
    if page.pk in remembered:
        return remembered[page.pk]
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

    remembered[page.pk] = cached(
        f"page-versions:{page.pk}:{site.pk if site else 0}",
        build,
        PAGES,
        timeout=TRANSLATIONS_SECONDS,
    )
    return remembered[page.pk]


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


# A shared fragment is built from pages, themes and regions, the glossary
# and whatever else a public page shows; the generations make it exact,
# the timeout only lets unused entries go (or, with `seconds`, bounds how
# old the read counts it shows are, which change without a signal).
FRAGMENT_SECONDS = 60 * 60


class SharedFragmentNode(template.Node):
    def __init__(self, nodelist, name, parts, seconds, also):
        self.nodelist = nodelist
        self.name = name
        self.parts = parts
        self.seconds = seconds
        self.also = also

    def render(self, context):
        request = context.get("request")
        if request is None or getattr(request, "is_preview", False):
            return self.nodelist.render(context)
        parts = [_fragment_part(part.resolve(context)) for part in self.parts]
        site = Site.find_for_request(request)
        digest = hashlib.md5(repr(parts).encode(), usedforsecurity=False).hexdigest()
        key = f"fragment:{self.name}:{site.pk if site else 0}:{translation.get_language()}:{digest}"

        def build():
            html = self.nodelist.render(context)
            if "csrfmiddlewaretoken" in html:
                # A form's token is the visitor's own: such a body is never
                # shared (and never reaches the cache).
                raise template.TemplateSyntaxError(
                    f"The shared fragment {self.name!r} holds a form with a CSRF token."
                )
            return html

        seconds = self.seconds.resolve(context) if self.seconds else FRAGMENT_SECONDS
        generations = [Generation.named[name] for name in self.also]
        return cached(
            key, build, PAGES, TAXONOMY, GLOSSARY, page_cache.SITE, *generations, timeout=seconds
        )


def _fragment_part(value):
    """What a fragment varies by, as text: a model instance by its kind and
    primary key (a page's content is then known by the pages generation)."""
    pk = getattr(value, "pk", None)
    if pk is not None:
        return f"{type(value).__name__}:{pk}"
    return str(value)


@register.tag
def shared_fragment(parser, token):
    """{% shared_fragment "name" part … [seconds=N] %}…{% endshared_fragment %}:
    the body rendered once and then taken from the cache for every visitor,
    in each language and on each site, until a page is published (or
    unpublished, moved …), a theme or region is edited, the glossary
    changes (home/caching.py) or anything else a public page shows changes
    (a comment, a profile, an image: the page cache's generation,
    portal/page_cache.py), or after `seconds`. For what is the same for
    every member: never a form, the visitor's name or anything else of
    theirs (a CSRF token in the body is refused). The parts name what the
    body shows (the page, a page number …); `also="name …"` names other
    generations it is built from (home/caching.py). Previews are never
    cached."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("shared_fragment takes a name")
    seconds = None
    also = []
    parts = []
    for bit in bits[2:]:
        if bit.startswith("seconds="):
            seconds = parser.compile_filter(bit[len("seconds=") :])
        elif bit.startswith("also="):
            also = bit[len("also=") :].strip("\"'").split()
        else:
            parts.append(parser.compile_filter(bit))
    name = bits[1].strip("\"'")
    nodelist = parser.parse(("endshared_fragment",))
    parser.delete_first_token()
    return SharedFragmentNode(nodelist, name, parts, seconds, also)
