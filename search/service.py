"""One search of the portal, from visitor's parameters to what the results
page shows, through Wagtail's search API (`queryset.search`), so it runs the
same on the database backends and on Elasticsearch or OpenSearch.

Visibility is decided here, once, for results, counts, facets, promotions
and autocomplete alike: live pages only, outside private sections, not past
their expiry date, in the requested languages. Forum topics and member blog
posts are searched beside the pages (search/sources.py, which decides what
of them visitors may find); their results follow the pages' results, and
the type facet counts them as "Forum" and "Blogs".

The number of SQL queries does not depend on the number of results: a page
of results is ranked in one query and loaded with its search records in
another, and the facet counts (which also give the total) take one query
plus one per active facet; topics and blog posts add a count each (only
whether any match, once the pages alone are more than the limit), and a
few queries for each kind a page of results shows. At most MAX_RESULTS results can be paged
through.

Nor does the work of those queries grow with the number of matches: every
count stops at count_limit() (SEARCH_COUNT_LIMIT, 1,000 by default). Up to
that many results, the total and the facet counts are exact; beyond it,
the page says "more than 1,000 results" and the facets list their values
(those found among that many matches) without numbers, since any number
would be a guess.
"""

import logging
from dataclasses import dataclass, field

from django.apps import apps
from django.conf import settings
from django.core.paginator import Paginator
from django.utils import formats, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelsearch.backends import get_search_backend
from modelsearch.utils import normalise_query_string
from wagtail.contrib.search_promotions.models import SearchPromotion
from wagtail.models import Locale, Page

from home.querysets import every_page
from home.terms import terms_of_language
from search import expansion, sources, text
from search.facets import model_label
from search.models import SearchFacet
from search.params import FACETS

logger = logging.getLogger(__name__)

RESULTS_PER_PAGE = 10
MAX_RESULTS = 500
# Counts stop here (see module docstring); the setting exists for tests.
COUNT_LIMIT = 1000
AUTOCOMPLETE_LIMIT = 8
FACET_LABELS = {
    "type": _("Type"),
    "theme": _("Theme"),
    "region": _("Region"),
    "year": _("Year"),
}


def count_limit():
    return getattr(settings, "SEARCH_COUNT_LIMIT", COUNT_LIMIT)


def bounded_count(results, limit):
    """How many `results` there are, counting no further than limit + 1."""
    return results[: limit + 1].count()


def language_codes(all_languages):
    if all_languages:
        return [code for code, _name in settings.LANGUAGES]
    return [translation.get_language()]


def searched_pages(codes):
    """What a search looks through: the pages a visitor may see
    (`.visible()`, see home/querysets.py) in the languages `codes`.

    The portal's database backends take `.visible()` into the search's own
    SQL; other backends (Elasticsearch, OpenSearch, Wagtail's own) filter
    on Wagtail's filter fields only, so they get the live pages of those
    languages without the ones `.visible()` leaves out, by id (subqueries
    of ids, which an external engine resolves in the database first)."""
    pages = every_page()
    if getattr(get_search_backend(), "accepts_any_filter", False):
        return pages.visible().filter(locale__language_code__in=codes)
    hidden = pages.live().exclude(pk__in=pages.visible().values("pk"))
    return (
        pages.live()
        .filter(locale__in=Locale.objects.filter(language_code__in=codes))
        .exclude(pk__in=hidden.values("pk"))
    )


def with_facets(pages, facets):
    for name, value in facets.items():
        pages = pages.filter(
            pk__in=SearchFacet.objects.filter(name=name, value=value).values("record_id")
        )
    return pages


class ResultsPaginator(Paginator):
    """Pages through at most MAX_RESULTS results (the best ones: the
    ranking step is bounded), with the total counted beforehand."""

    def __init__(self, results, per_page, total):
        super().__init__(results, per_page)
        self.total = total

    @cached_property
    def count(self):
        return min(self.total, MAX_RESULTS)


@dataclass
class Option:
    value: str
    label: str
    count: int  # None: not counted (more than count_limit() results)
    selected: bool
    querystring: list


@dataclass
class FacetGroup:
    name: str
    label: str
    options: list


@dataclass
class Result:
    page: Page  # None for a forum topic or a blog post
    url: str
    type_label: str
    title: str
    snippet: str
    themes: list
    region: str
    date: object
    language: str


@dataclass
class Outcome:
    params: object
    results: object = None  # a Paginator page
    items: list = field(default_factory=list)
    count: int = 0  # exact up to `limit`; above it, only "more than limit"
    limit: int = COUNT_LIMIT
    facets: list = field(default_factory=list)
    promotions: list = field(default_factory=list)
    failed: bool = False

    @property
    def more(self):
        """True when there are more results than were counted."""
        return self.count > self.limit

    @property
    def limit_shown(self):
        # Grouped as the language writes numbers: "1,000", "1 000".
        return formats.number_format(self.limit, force_grouping=True)

    @property
    def uncounted(self):
        """True when some facet values are shown without a count."""
        return any(option.count is None for group in self.facets for option in group.options)


def term_facet(terms, name, slug):
    """(sort order, name) of the theme or region facet value `slug` in the
    language of `terms`; a term that no longer exists shows its slug, last."""
    term = terms.topic(slug) if name == "theme" else terms.region(slug)
    return (term.sort_order, term.name) if term else (999, slug)


def term_names(terms, name, slugs):
    """The names of the theme or region facet values `slugs`."""
    return [term_facet(terms, name, slug)[1] for slug in slugs]


def type_label(value):
    if value in sources.BY_TYPE:
        return str(sources.BY_TYPE[value].label)
    try:
        model = apps.get_model(value)
    except (LookupError, ValueError):
        return None
    return str(model._meta.verbose_name).capitalize()


def run(params, request):
    """Search for `params` (search.params.SearchParams) and return an Outcome."""
    outcome = Outcome(params=params, limit=count_limit())
    if not params.query:
        return outcome
    codes = language_codes(params.all_languages)
    base = searched_pages(codes)
    pages = with_facets(base, params.facets).select_related("locale", "search_record")
    try:
        searched = searched_query(params)
        results = pages.search(searched.query, operator=operator_for(searched.query))
        terms = terms_of_language()
        limit = outcome.limit
        counts, total = facet_counts(results, base, params, searched.query, limit)
        # Once the pages alone are too many to count, every facet value is
        # listed without a number, so topics and blog posts need not be
        # counted either: whether any match is enough.
        pages_counted = total is None or total <= limit
        others = other_results(params, codes, searched.query, limit if pages_counted else 0)
        chosen = params.facets.get("type")
        parts = [] if chosen in sources.BY_TYPE else [(results, total)]
        for source, found, count in others:
            if counts is not None and count:
                counted = pages_counted and count <= limit
                counts.setdefault("type", {})[source.type] = count if counted else None
            if chosen in (None, source.type):
                parts.append((found, count))
        chain = Chain(parts, limit)
        outcome.count = len(chain)
        paginator = ResultsPaginator(chain, RESULTS_PER_PAGE, outcome.count)
        outcome.results = paginator.get_page(params.page)
        query_stems = searched.stems
        outcome.items = result_items(outcome.results.object_list, request, terms, query_stems)
        outcome.facets = facet_groups(counts or {}, params, terms)
        if outcome.results.number == 1:
            outcome.promotions = promotions(params.typed, base)
    except Exception:
        # The search engine (or the database behind it) failed: the page
        # says so instead of failing with it.
        logger.exception("Search failed for %r", params.query)
        return Outcome(params=params, failed=True)
    return outcome


def searched_query(params):
    """What is looked for: the words typed or, in all languages, those
    words with the glossary's translations of its terms and the names typed
    in the other script (search/expansion.py)."""
    if params.all_languages:
        return expansion.expand(params.query, params.typed)
    return expansion.Expanded(params.query, text.unique_stems(params.query))


def operator_for(query):
    # The operator joins the words of a query typed as a string; an
    # expanded query says how its parts combine.
    return "and" if isinstance(query, str) else None


def other_results(params, codes, query, limit):
    """[(source, results, count)] of forum topics and blog posts
    (search/sources.py), each counted up to limit + 1 (with a limit of 0:
    1 when any match, else 0). They carry no theme, region or year, so a
    search narrowed by one of those finds none of them."""
    if any(name != "type" for name in params.facets):
        return []
    backend, found = get_search_backend(), []
    for source in sources.SOURCES:
        results = backend.search(query, source.searchable(codes), operator=operator_for(query))
        found.append((source, results, bounded_count(results, limit)))
    return found


class Chain:
    """The results of several searches one after another (pages, then blog
    posts, then forum topics), each counted beforehand (None: count it, up
    to `limit` + 1), so that a page of results reads only the searches it
    shows. A search counted only up to `limit` + 1 shows at most that many."""

    def __init__(self, parts, limit=COUNT_LIMIT):
        counted = [
            (found, bounded_count(found, limit) if count is None else count)
            for found, count in parts
        ]
        self.parts = [(found, count) for found, count in counted if count]

    def __len__(self):
        return sum(count for _found, count in self.parts)

    def __getitem__(self, key):
        start, stop, _step = key.indices(len(self))
        found, offset = [], 0
        for results, count in self.parts:
            low, high = max(start - offset, 0), min(stop - offset, count)
            if low < high:
                found += list(results[low:high])
            offset += count
        return found


def result_items(found, request, terms, query_stems):
    """What the results page shows of pages, topics and blog posts, in
    their order; each kind other than pages is shown in one batch."""
    shown = {}
    for source in sources.SOURCES:
        objects = [obj for obj in found if model_label(type(obj)) == source.type]
        if objects:
            batch = source.items(objects, request, terms, query_stems)
            shown.update({(source.type, pk): item for pk, item in batch.items()})
    items = []
    for obj in found:
        if isinstance(obj, Page):
            items.append(result_item(obj, request, terms, query_stems))
        elif (model_label(type(obj)), obj.pk) in shown:
            items.append(shown[model_label(type(obj)), obj.pk])
    return items


def result_item(page, request, terms, query_stems):
    record = getattr(page, "search_record", None)
    excerpt = (record.excerpt if record else "") or page.search_description
    model = page.specific_class
    return Result(
        page=page,
        url=page.get_url(request),
        type_label=str(model._meta.verbose_name).capitalize() if model else "",
        title=text.highlight(page.title, query_stems),
        snippet=text.snippet(excerpt, query_stems),
        themes=term_names(terms, "theme", record.facet_slugs("theme")) if record else [],
        region=", ".join(term_names(terms, "region", record.facet_slugs("region")))
        if record
        else "",
        date=record.date if record else None,
        language=page.locale.language_code,
    )


def facet_counts(results, base, params, query, limit):
    """{facet: {value: count}} for the facets, with counts that combine the
    query with the other active facets: an active facet is counted as if
    its own choice were not made, so its other values stay reachable. None
    when the backend cannot count facets.

    Each search is counted among at most limit + 1 of its matches: when
    more match, its values are known but not their numbers (None).

    Returns (counts, total): every indexed page has exactly one type, so
    the type counts add up to the number of results (up to limit + 1),
    which saves counting them again."""
    if not hasattr(results, "facet_counts"):
        return None, None
    counts = results.facet_counts(limit=limit + 1)
    total = sum(counts.get("type", {}).values())
    counts = exact_counts(counts, limit)
    for name in params.facets:
        others = {key: value for key, value in params.facets.items() if key != name}
        without = with_facets(base, others).search(query, operator=operator_for(query))
        counts[name] = exact_counts(without.facet_counts(limit=limit + 1), limit).get(name, {})
    return counts, total


def exact_counts(counts, limit):
    """`counts` when they were taken among all the matches (at most
    `limit`), else the same values without numbers."""
    if sum(counts.get("type", {}).values()) <= limit:
        return counts
    return {name: dict.fromkeys(values) for name, values in counts.items()}


def facet_groups(counts, params, terms):
    groups = []
    for name in FACETS:
        options = facet_options(name, counts.get(name, {}), params, terms)
        if options:
            groups.append(FacetGroup(name=name, label=FACET_LABELS[name], options=options))
    return groups


def facet_options(name, counts, params, terms):
    options = []
    for value, count in counts.items():
        if name == "type":
            label, order = type_label(value), -(count or 0)
            if label is None:
                continue
        elif name in ("theme", "region"):
            order, label = term_facet(terms, name, value)
        else:
            label, order = value, -int(value)
        selected = params.facets.get(name) == value
        querystring = params.querystring(**{name: None if selected else value})
        options.append((order, label, Option(value, label, count, selected, querystring)))
    return [option for _order, _label, option in sorted(options, key=lambda item: item[:2])]


def promotions(typed, base):
    """Editors' picks for this query: external links, and pages the visitor
    may see in the requested languages. The picks are read first (a query
    seldom has any), then their pages checked against `base`."""
    query_string = normalise_query_string(typed)
    if not query_string:
        return []
    picks = list(
        SearchPromotion.objects.filter(query__query_string=query_string)
        .select_related("page")
        .order_by("sort_order")
    )
    page_ids = [pick.page_id for pick in picks if pick.page_id]
    visible = set(base.filter(pk__in=page_ids).values_list("pk", flat=True)) if page_ids else set()
    return [pick for pick in picks if pick.page_id is None or pick.page_id in visible]


def suggestions(typed, request):
    """Titles of visible pages in the current language that match what has
    been typed, for the header's autocomplete."""
    words = text.words(typed)
    if not words or len("".join(words)) < 2:
        return []
    pages = searched_pages(language_codes(False))
    found = pages.autocomplete(" ".join(words[:6]), operator="and")[:AUTOCOMPLETE_LIMIT]
    return [{"title": page.title, "url": page.get_url(request)} for page in found]
