"""The community's part in the rest of the portal: its home page
sections, regional news in "What's new", and the member's data in the
export and the account deletion, and the region pages that list a
regional page for the front cache's purge (see home/sections.py,
home/whats_new.py, home/member_data.py and home/front_cache.py)."""

from allauth.account.models import EmailAddress
from django.utils.translation import gettext_lazy as _
from wagtail import hooks

from community import home_sections, memberships
from community.models import CompanyMembership, NewsPage, Profile, RegionIndexPage, RegionPage
from home.models import Region
from home.whats_new import WhatsNewEntry, WhatsNewSource
from library.templatetags.library_tags import reads_label


@hooks.register("register_home_section")
def whos_new(request, page):
    return home_sections.whos_new(request, page)


@hooks.register("register_home_section")
def whos_online(request, page):
    return home_sections.whos_online(request, page)


@hooks.register("register_front_cache_lists")
def region_pages(page):
    """A regional page (an event, a case study) shows on its region's page
    in every language (community/regional.py)."""
    region_id = getattr(page, "region_id", None)
    if region_id is None or isinstance(page, RegionPage):
        return None
    # Each language has its own version of the region.
    region = Region.objects.filter(pk=region_id).values("translation_key")
    return RegionPage.objects.filter(region__translation_key__in=region)


@hooks.register("register_member_data_export")
def export_account(user):
    addresses = EmailAddress.objects.filter(user=user).order_by("-primary", "email")
    return "account", {
        "username": user.get_username(),
        "name": user.get_full_name(),
        "email": user.email,
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary} for a in addresses
        ],
        "date_joined": user.date_joined,
        "last_login": user.last_login,
    }


@hooks.register("register_member_data_export")
def export_profile(user):
    profile = (
        Profile.objects.filter(user=user)
        .select_related("region")
        .prefetch_related("themes")
        .first()
    )
    if profile is None:
        return "profile", None
    return "profile", {
        "name": profile.display_name,
        "photo": profile.photo.url if profile.photo else None,
        "position": profile.position,
        "region": profile.region.name if profile.region else None,
        "themes": [topic.name for topic in profile.themes.all()],
        "languages": profile.languages,
        "about": profile.about,
        "visibility": profile.visibility,
        "show_email": profile.show_email,
        "contact_note": profile.contact_note,
        "member_since": profile.created_at,
        "last_seen": profile.last_seen,
    }


@hooks.register("register_member_data_export")
def export_company_roles(user):
    roles = CompanyMembership.objects.filter(user=user).select_related("company")
    return "companies", [
        {
            "company": membership.company.name,
            "role": membership.role,
            "accepted": membership.accepted,
            "since": membership.created_at,
        }
        for membership in roles.order_by("created_at")
    ]


@hooks.register("register_member_data_erasure")
def erase_profile_and_companies(user):
    memberships.hand_over_companies(user)
    # The photo file goes once the deletion is committed (see signals.py).
    Profile.objects.filter(user=user).delete()


@hooks.register("register_whats_new")
def regional_news(locale_id, limit):
    """The newest regional news, with region, author and read count."""
    news = list(NewsPage.objects.visible(locale_id).newest_first().for_listing()[:limit])
    if not news:
        return None
    index = RegionIndexPage.objects.live().filter(locale_id=locale_id).first()
    return WhatsNewSource(
        entries=[
            WhatsNewEntry(
                date=item.date,
                title=item.title,
                url=item.url,
                kind=_("News item"),
                details=[
                    *([item.region.name] if item.region else []),
                    reads_label(item.reads),
                ],
                authors=[item.author] if item.author else [],
            )
            for item in news
        ],
        link_label=_("All news of the regions"),
        link_url=index.url if index else "",
    )
