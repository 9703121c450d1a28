"""Template tags of the site's frame: language links, menu, footer and the
home page sections."""

from django import template
from django.conf import settings
from django.urls import reverse, translate_url
from django.utils import translation
from wagtail.models import Page

from home import navigation
from home.sections import home_sections

register = template.Library()


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
        translations = {
            p.locale.language_code: p
            for p in page.get_translations(inclusive=True).live().select_related("locale")
        }
        language = next((code for code, p in translations.items() if p.pk == page.pk), current)
        subpath = _routable_subpath(request, page)
        for code, name in settings.LANGUAGES:
            translated = translations.get(code)
            if translated is not None:
                url = translated.get_url(request) + subpath
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
