"""Addresses of member and company pages, which live under the people
directory of each language (a routable page)."""

from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant

from community.models import PeopleIndexPage


def active_language():
    return get_supported_content_language_variant(translation.get_language())


def people_index(request, language=None):
    """The people directory of `language` (by default the active one) if
    visitors may see it, or None. One query (see home/querysets.py)."""
    return (
        PeopleIndexPage.objects.visible(language or active_language())
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


def profile_urls(request=None):
    """A function giving profiles' addresses, the directory looked up once:
    for many profiles on one page. It gives "" when visitors may not see
    the directory."""
    index = people_index(request)
    if index is None:
        return lambda profile: ""
    base = index.get_url(request)
    return lambda profile: base + index.reverse_subpage("member", args=[profile.pk])


def company_url(request, company):
    return _subpage_url(request, "company", company.slug)
