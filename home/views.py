from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import translation
from wagtail.models import Locale, Site

from home.querysets import every_page


def translation_missing(request, page_id):
    """Where the language switcher leads when a page has no translation in
    the requested language yet: say so, and offer that language's home page
    and the page in the languages it does exist in."""
    page = every_page().visible().filter(pk=page_id).first()
    if page is None:
        raise Http404
    language = translation.get_language()
    translations = every_page().visible().filter(translation_key=page.translation_key)
    translated = translations.filter(locale__language_code=language)
    if translated.exists():
        return redirect(translated.first().get_url(request))

    site = Site.find_for_request(request)
    home = None
    if site is not None:
        locale = Locale.objects.filter(language_code=language).first()
        if locale is not None:
            home = site.root_page.get_translation_or_none(locale)
    available = translations.select_related("locale")
    return render(
        request,
        "home/translation_missing.html",
        {"original": page, "home": home, "available": available},
        status=404,
    )
