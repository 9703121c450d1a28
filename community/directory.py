"""Queries of the people directory, in a fixed number of SQL queries
whatever the number of members and companies.

Regions and themes are translatable snippets: a profile points at the
version the member picked (in whatever language), and is shown with the
version of the visitor's language (home/terms.py, no query per profile).
Filters use the slug, which is the same in every language.
"""

from django.db.models import Prefetch
from django.utils.translation import get_language_info

from community.models.companies import Company, CompanyMembership
from community.models.profiles import SPOKEN_LANGUAGES, Profile
from home.models import Topic


def language_names(codes):
    known = [code for code in SPOKEN_LANGUAGES if code in (codes or [])]
    return [get_language_info(code)["name_translated"] for code in known]


def link_profiles(profiles, index_page, index_url):
    """Give each profile its address in the directory (no query)."""
    for profile in profiles:
        profile.url = index_url + index_page.reverse_subpage("member", args=[profile.pk])
    return profiles


def link_companies(companies, index_page, index_url):
    for company in companies:
        company.url = index_url + index_page.reverse_subpage("company", args=[company.slug])
    return companies


def decorate_profiles(profiles, terms, index_page, index_url):
    """Give each profile its region and themes in the visitor's language
    (`terms`: home.terms.LocalTerms; themes must be prefetched) and its
    address in the directory."""
    for profile in profiles:
        profile.local_region = terms.region_of(profile)
        profile.local_themes = terms.localized_all(profile.themes.all())
    return link_profiles(profiles, index_page, index_url)


def decorate_companies(companies, terms, index_page, index_url):
    for company in companies:
        company.local_region = terms.region_of(company)
    return link_companies(companies, index_page, index_url)


def member_queryset(user):
    """Profiles listed for `user`, with what a card shows loaded in two
    queries (the profiles, then their themes)."""
    return (
        Profile.objects.listed_for(user)
        .select_related("region")
        .prefetch_related("themes")
        .only(
            "pk",
            "display_name",
            "position",
            "photo",
            "photo_width",
            "photo_height",
            "visibility",
            "region__translation_key",
            "region__name",
            "user_id",
        )
    )


def filter_members(queryset, filters):
    if filters.get("q"):
        queryset = queryset.filter(search_name__contains=filters["q"].casefold())
    if filters.get("region"):
        queryset = queryset.filter(region__slug=filters["region"])
    if filters.get("theme"):
        queryset = queryset.filter(themes__slug=filters["theme"])
    if filters.get("sector"):
        in_sector = CompanyMembership.objects.accepted().filter(company__sector=filters["sector"])
        queryset = queryset.filter(user__in=in_sector.values("user"))
    # A theme filter joins the themes table; distinct keeps one row each.
    return queryset.distinct() if filters.get("theme") else queryset


def company_queryset():
    return Company.objects.select_related("region")


def filter_companies(queryset, filters):
    if filters.get("q"):
        queryset = queryset.filter(search_name__contains=filters["q"].casefold())
    if filters.get("region"):
        queryset = queryset.filter(region__slug=filters["region"])
    if filters.get("sector"):
        queryset = queryset.filter(sector=filters["sector"])
    return queryset


def company_with_members(slug, user):
    """The company and its accepted members whose profiles `user` may see,
    in two queries. Returns (company, shown memberships, hidden count)."""
    company = Company.objects.select_related("region").filter(slug=slug).first()
    if company is None:
        return None, [], 0
    memberships = list(
        company.memberships.accepted()
        .select_related("user", "user__profile")
        .order_by("role", "created_at")  # managers first
    )
    shown = [
        membership
        for membership in memberships
        if hasattr(membership.user, "profile") and membership.user.profile.is_listed_for(user)
    ]
    return company, shown, len(memberships) - len(shown)


def profile_companies(profile):
    """The companies a member belongs to (accepted memberships), one query."""
    return list(
        CompanyMembership.objects.accepted()
        .filter(user_id=profile.user_id)
        .select_related("company")
        .order_by("company__search_name")
    )


def profile_for_page(pk):
    return (
        Profile.objects.select_related("user", "region")
        .prefetch_related(Prefetch("themes", queryset=Topic.objects.all()))
        .filter(pk=pk)
        .first()
    )
