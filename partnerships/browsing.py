"""Browsing the partnerships: the list with its filters, a listing's page
with its matches, and a member's "Partners for you".

The views import no model of this app: they take the open listings of the
page's language from the partnerships page (`index_page.listings()`) and
narrow them down with the methods of ListingQuerySet. Each page costs a
fixed number of queries whatever the number of listings: the companies
come with the listings, the themes are prefetched and themes and regions
are shown from the cached terms (home/terms.py).
"""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from community.choices import Sector
from community.links import active_language, people_index
from community.models import CompanyMembership, Profile
from home.caching import PAGES, cached
from home.pagination import page_of
from home.terms import terms_of_locale
from partnerships import matching
from partnerships.choices import ListingType, Stage

PER_PAGE = 12
# "Partners for you" matches the member's newest listings, at most these.
MAX_OWN_LISTINGS = 5
# Listings in the themes of a member's profile, when they manage no company.
MAX_THEMED = 12
CACHE_SECONDS = 60 * 60


class ListingFilterForm(forms.Form):
    """The filters of the partnerships page. Themes and regions are named
    by slug, the same in both languages; a value that is not offered is
    ignored, not an error."""

    type = forms.ChoiceField(label=pgettext_lazy("partnerships", "Type"), required=False)
    theme = forms.ChoiceField(label=pgettext_lazy("partnerships", "Theme"), required=False)
    sector = forms.ChoiceField(label=pgettext_lazy("partnerships", "Sector"), required=False)
    region = forms.ChoiceField(label=pgettext_lazy("partnerships", "Region"), required=False)
    stage = forms.ChoiceField(label=pgettext_lazy("partnerships", "Stage"), required=False)

    def __init__(self, data, terms):
        super().__init__(data)
        self.fields["type"].choices = [("", _("All types")), *ListingType.choices]
        self.fields["theme"].choices = [("", _("All themes"))] + [
            (topic.slug, topic.name) for topic in terms.topics
        ]
        self.fields["sector"].choices = [("", _("All sectors")), *Sector.choices]
        self.fields["region"].choices = [("", _("All regions"))] + [
            (region.slug, region.name) for region in terms.regions
        ]
        self.fields["stage"].choices = [("", _("All stages")), *Stage.choices]
        self.is_valid()  # fills cleaned_data with the values that are valid

    @property
    def active(self):
        """{field: value} of the valid filters chosen."""
        return {name: value for name, value in self.cleaned_data.items() if value}


def narrowed(listings, active):
    """`listings` narrowed down by the filters `active` (ListingFilterForm)."""
    options = dict(active)
    if "type" in options:
        options["listing_type"] = options.pop("type")
    return listings.filtered(**options)


def dress(listings, terms):
    """Give each listing its themes and region in the language of `terms`
    (themes prefetched: no query) and the labels of its choices."""
    for listing in listings:
        listing.local_themes = terms.localized_all(listing.topics.all())
        listing.local_region = terms.region_of(listing)
        listing.shown_stage = _label(Stage, listing.stage)
        listing.shown_sector = _label(Sector, listing.sector)
    return listings


def _label(choices, value):
    try:
        return choices(value).label
    except ValueError:
        return value


def _querystring(active, **changes):
    query = QueryDict(mutable=True)
    query.update({name: value for name, value in {**active, **changes}.items() if value})
    return query.urlencode()


def theme_counts(index_page, terms, active):
    """[(theme, count, query string)] of every theme of the page's language.
    The counts are those of the listings the other filters chosen leave
    (type, sector, region, stage), so that each theme link says how many
    listings it leads to; one query."""
    others = {name: value for name, value in active.items() if name != "theme"}
    counts = narrowed(index_page.listings(), others).theme_counts()
    chosen = active.get("theme")
    return [
        (
            topic,
            counts.get(topic.slug, 0),
            _querystring(others, theme=None if chosen == topic.slug else topic.slug),
        )
        for topic in terms.topics
    ]


def index(index_page, request):
    terms = terms_of_locale(index_page.locale_id)
    form = ListingFilterForm(request.GET, terms)
    active = form.active
    listings = narrowed(index_page.listings(), active).newest().for_cards()
    page = page_of(request, listings, PER_PAGE)
    page.object_list = dress(list(page.object_list), terms)
    return index_page.render(
        request,
        template="partnerships/partnerships_index_page.html",
        context_overrides={
            "listings": page,
            "filter_form": form,
            "filtered": bool(active),
            "chosen_theme": active.get("theme"),
            "theme_counts": theme_counts(index_page, terms, active),
        },
    )


def _managed_companies(user):
    """The ids of the companies `user` manages, as a subquery."""
    return CompanyMembership.objects.managers().filter(user=user).values("company_id")


def _profile_theme_slugs(user):
    """The slugs of the themes of `user`'s profile (none without one), in
    one query."""
    return list(
        Profile.themes.through.objects.filter(profile__user=user)
        .order_by("topic__sort_order", "topic__name")
        .values_list("topic__slug", flat=True)
    )


def for_you(index_page, request):
    """Suggestions for the member: the listings that match each open
    listing of the companies they manage, or, when they manage none, the
    listings in the themes of their profile."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    terms = terms_of_locale(index_page.locale_id)
    companies = _managed_companies(request.user)
    own = list(
        index_page.listings().of_companies(companies).newest().for_cards()[: MAX_OWN_LISTINGS + 1]
    )
    context = {
        "manages_companies": bool(own) or companies.exists(),
        "sections": [],
        "themed": [],
        "more_own": len(own) > MAX_OWN_LISTINGS,
    }
    if context["manages_companies"]:
        own = dress(own[:MAX_OWN_LISTINGS], terms)
        found = matching.suggestions(own, index_page.listings(), terms, companies)
        dress([match.listing for matches in found.values() for match in matches], terms)
        context["sections"] = [(listing, found.get(listing.pk, [])) for listing in own]
    else:
        slugs = _profile_theme_slugs(request.user)
        context["profile_themes"] = [terms.topic(slug) for slug in slugs if terms.topic(slug)]
        if slugs:
            themed = index_page.listings().with_themes(slugs).newest().for_cards()[:MAX_THEMED]
            context["themed"] = dress(list(themed), terms)
    return index_page.render(
        request, template="partnerships/for_you.html", context_overrides=context
    )


def is_open(listing):
    """Whether visitors may answer the listing: live, of a company, and
    not past its expiry date."""
    return (
        listing.live
        and listing.company_id is not None
        and (listing.expire_at is None or listing.expire_at > timezone.now())
    )


def listing_context(listing, request):
    """What the listing's page shows besides its own fields: its themes and
    region in its language, its company's page in the people directory and
    the open listings that complement it."""
    terms = terms_of_locale(listing.locale_id)
    open_now = is_open(listing)
    company = listing.company if listing.company_id else None
    matches = []
    if open_now and listing.pk is not None:
        # Matching fetches the listing's themes with its candidates'.
        pool = type(listing).objects.open(listing.locale_id)
        matches = matching.matches(listing, pool, terms)
        dress([match.listing for match in matches], terms)
    dress([listing], terms)
    return {
        "listing": listing,
        "listing_open": open_now,
        "company": company,
        "company_url": _company_url(request, company) if company is not None else "",
        "matches": matches,
        "index_page": _index_of(listing, request),
    }


def _index_of(listing, request):
    """{title, url} of the partnerships page above `listing`, from the
    cache until pages change (no query on a warm page)."""
    if listing.pk is None or not listing.path:
        return None
    parent_path = listing.path[: -listing.steplen]

    def build():
        parent = listing.get_parent()
        return {"title": parent.title, "url": parent.get_url(request)} if parent else {}

    return cached(f"partnerships:index:{parent_path}", build, PAGES, timeout=CACHE_SECONDS) or None


def _company_url(request, company):
    """The address of `company`'s page in the people directory of the
    active language; "" when visitors may not see the directory. The
    directory is looked up once until pages change."""
    language = active_language()

    def build():
        index = people_index(request, language)
        return (index, index.get_url(request)) if index is not None else ()

    found = cached(f"partnerships:people:{language}", build, PAGES, timeout=CACHE_SECONDS)
    if not found:
        return ""
    index, url = found
    return url + index.reverse_subpage("company", args=[company.slug])
