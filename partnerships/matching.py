"""Matching: the listings that complement a listing, best first.

Which types complement each other (`COMPLEMENTS`, read "a listing of the
type on the left is shown listings of the types on the right"):

| listing                | is matched with                              |
| ---------------------- | -------------------------------------------- |
| technology offer       | technology requests                          |
| technology request     | technology offers                            |
| commercial cooperation | commercial cooperation, investment sought    |
| research cooperation   | research cooperation                         |
| investment sought      | commercial cooperation                       |

Offers meet requests; cooperation meets cooperation of the same kind. A
company that seeks investment meets the companies that look for a
commercial partner (a strategic partner may invest), and no other
investment seekers: two of them have nothing to give each other.

Ranking: 3 points per shared theme, 2 for the same sector, 1 for the same
region, and 1 per shared word (stem) of the titles, summaries and what is
sought, at most MAX_WORD_POINTS. A listing with nothing in common scores
0 and is not suggested. Listings of the same company are never suggested,
and only open listings of the same language are (the `pool`).

The database ranks the complementary listings roughly (themes, sector and
region: `ListingQuerySet.candidates_for`) and returns the best CANDIDATES;
Python adds the words and keeps the best LIMIT. So a listing page costs
two queries for its matches (the candidates, then their themes), and
"Partners for you" the same two for all the member's listings together,
whatever the number of listings on the site.

This module imports no model: it is given the listings and the pool of
open listings (`PartnershipsIndexPage.listings()`, or
`ListingPage.objects.open(locale)`).
"""

from dataclasses import dataclass, field

from django.db.models import prefetch_related_objects

from partnerships.choices import ListingType
from search.text import stems

COMPLEMENTS = {
    ListingType.TECHNOLOGY_OFFER: (ListingType.TECHNOLOGY_REQUEST,),
    ListingType.TECHNOLOGY_REQUEST: (ListingType.TECHNOLOGY_OFFER,),
    ListingType.COMMERCIAL: (ListingType.COMMERCIAL, ListingType.INVESTMENT),
    ListingType.RESEARCH: (ListingType.RESEARCH,),
    ListingType.INVESTMENT: (ListingType.COMMERCIAL,),
}

THEME_POINTS = 3
SECTOR_POINTS = 2
REGION_POINTS = 1
WORD_POINTS = 1
MAX_WORD_POINTS = 5
LIMIT = 5
CANDIDATES = 40
# Candidates for "Partners for you", which matches several listings at once.
MAX_CANDIDATES = 100
# Words too common in listings to say anything about a match (stems).
SHORTEST_WORD = 4
COMMON_WORDS = frozenset(
    stems(
        "компания компании предложение запрос партнер партнёр партнеры партнёры "
        "сотрудничество совместный разработка ищем предлагаем наш наша наши который "
        "это также для при или как что company partner partners cooperation offer "
        "request looking offering seeking development joint which with from that this"
    )
)


def complements(listing_type):
    """The types of listings that complement a listing of `listing_type`."""
    try:
        return COMPLEMENTS[ListingType(listing_type)]
    except ValueError:
        return ()


@dataclass
class Match:
    """A suggested listing and why: the themes (slugs) and words it shares
    with the listing it matches, and whether its sector and region are the
    same."""

    listing: object
    score: int
    themes: list = field(default_factory=list)
    same_sector: bool = False
    same_region: bool = False
    words: int = 0


def words_of(listing):
    """The telling stems of a listing's title, summary and what it seeks."""
    text = " ".join((listing.title or "", listing.summary or "", listing.sought or ""))
    return {stem for stem in stems(text) if len(stem) >= SHORTEST_WORD and stem not in COMMON_WORDS}


def _theme_slugs(listing):
    """The slugs of the listing's themes, from the themes browsing gave
    it in its page's language (the same slugs) when it has them."""
    themes = getattr(listing, "local_themes", None)
    if themes is None:
        themes = listing.topics.all()
    return {topic.slug for topic in themes}


def _region_slug(listing, terms):
    region = terms.region_of(listing)
    return region.slug if region is not None else None


def score(listing, candidate, terms, facts=None):
    """The Match of `candidate` for `listing`, or None if it is not of a
    complementary type or has nothing in common with it. `facts` are the
    listing's (themes, region, words) when already known."""
    if candidate.listing_type not in complements(listing.listing_type):
        return None
    if candidate.company_id is not None and candidate.company_id == listing.company_id:
        return None
    themes, region, words = facts or (
        _theme_slugs(listing),
        _region_slug(listing, terms),
        words_of(listing),
    )
    shared = sorted(themes & _theme_slugs(candidate))
    same_sector = bool(listing.sector) and candidate.sector == listing.sector
    same_region = region is not None and _region_slug(candidate, terms) == region
    shared_words = min(len(words & words_of(candidate)), MAX_WORD_POINTS)
    points = (
        THEME_POINTS * len(shared)
        + SECTOR_POINTS * same_sector
        + REGION_POINTS * same_region
        + WORD_POINTS * shared_words
    )
    if points <= 0:
        return None
    return Match(candidate, points, shared, same_sector, same_region, shared_words)


def suggestions(listings, pool, terms, exclude_companies=None, limit=LIMIT):
    """{listing pk: [Match, best first]} for each of `listings` among the
    open listings of `pool`, leaving out the companies of `listings` and
    `exclude_companies` (ids, or a subquery of ids). Two queries in all: the candidates, then their
    themes together with those of the listings that do not have theirs
    yet (browsing's `local_themes`)."""
    listings = [listing for listing in listings if listing.pk is not None]
    found = {listing.pk: [] for listing in listings}
    types = {kind for listing in listings for kind in complements(listing.listing_type)}
    if not types:
        return found
    companies = {listing.company_id for listing in listings} - {None}
    if exclude_companies is not None:
        pool = pool.exclude(company_id__in=exclude_companies)
    regions = {_region_slug(listing, terms) for listing in listings}
    regions.discard(None)
    bound = min(CANDIDATES * len(listings), MAX_CANDIDATES)
    candidates = list(
        pool.exclude(company_id__in=companies)
        .exclude(pk__in=[listing.pk for listing in listings])
        .candidates_for(
            types,
            theme_slugs=pool.model.topics.through.objects.filter(
                listingpage_id__in=[listing.pk for listing in listings]
            ).values("topic__slug"),
            sectors={listing.sector for listing in listings},
            region_slugs=regions,
        )
        .select_related("company")[:bound]
    )
    unthemed = [listing for listing in listings if getattr(listing, "local_themes", None) is None]
    prefetch_related_objects([*unthemed, *candidates], "topics")
    for listing in listings:
        facts = (_theme_slugs(listing), _region_slug(listing, terms), words_of(listing))
        matches = [score(listing, candidate, terms, facts) for candidate in candidates]
        ranked = sorted(
            (match for match in matches if match is not None),
            key=lambda match: (-match.score, -_published(match.listing), -match.listing.pk),
        )
        found[listing.pk] = ranked[:limit]
    return found


def matches(listing, pool, terms, limit=LIMIT):
    """[Match, best first]: the open listings of `pool` that complement
    `listing`, at most `limit`."""
    return suggestions([listing], pool, terms, limit=limit).get(listing.pk, [])


def _published(listing):
    moment = listing.first_published_at
    return moment.timestamp() if moment else 0
