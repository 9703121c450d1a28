"""Addresses of member and company pages, which live under the people
directory of each language (a routable page)."""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from community.models import PeopleIndexPage
from home.navigation import not_restricted


def active_language():
    return get_supported_content_language_variant(translation.get_language())


def people_index(request, language=None):
    """The live, public people directory of `language` (by default the
    active one), or None if there is none. One query: the view restriction
    test is a subquery (Wagtail's .public() would cost a query more)."""
    return (
        PeopleIndexPage.objects.live()
        .filter(not_restricted(), locale__language_code=language or active_language())
        .only("id", "url_path", "path", "depth", "locale_id", "translation_key")
        .first()
    )


def _subpage_url(request, route, argument):
    index = people_index(request)
    if index is None:
        return ""
    return index.get_url(request) + index.reverse_subpage(route, args=[argument])


def profile_url(request, profile):
    return _subpage_url(request, "member", profile.pk)


def company_url(request, company):
    return _subpage_url(request, "company", company.slug)
