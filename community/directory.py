"""Cards and pages of the people directory: each profile and company
with its region and themes in the visitor's language and its address in
the directory (no query per profile or company).

Regions and themes are translatable snippets: a profile points at the
version the member picked (in whatever language), and is shown with the
version of the visitor's language (home/terms.py). The directory's queries
are methods of `Profile.objects` and `Company.objects`.
"""


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
