"""The portal's PostgreSQL backend: Wagtail's backend with the `russian`
text search configuration and a ranking that runs from the index table.

PostgreSQL's `russian` configuration stems Cyrillic words with the Russian
Snowball stemmer and Latin words with the English one, both where text
enters the index (`to_tsvector`) and where queries are parsed
(`to_tsquery`), so nothing needs stemming in Python.

The match runs on `title || body`, which the GIN expression index of
migration `search.0002` covers; title matches weigh ten times body matches.
For words so common that they match a large part of the library, ranking
every match would read a large tsvector per row. So the ranking step is
bounded: within the first RANK_CANDIDATES results (as far as the results
page lets a visitor go) only the first TITLE_CANDIDATES title matches and
the first RANK_CANDIDATES matches are ranked (see rank_entries). Counts
are bounded too (search/backends/common.py).
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    BigIntegerField,
    F,
    Q,
    Value,
)
from django.db.models.expressions import CombinedExpression, RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    IndexEntry,
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.backends.database.postgres.query import Lexeme
from modelsearch.query import PlainText

from search.backends.common import FastResultsMixin, RecordsIndexMixin, SQLFiltersMixin

TITLE_WEIGHT = 10.0
RANK_CANDIDATES = 500
TITLE_CANDIDATES = 100
SEARCH_CONFIG = "russian"
# Letters and digits, no underscore: one token for the database's parser.
ONE_WORD = re.compile(r"[^\W_]+")


class PortalPostgresIndex(RecordsIndexMixin, PostgresIndex):
    pass


class RankingQueryCompiler(SQLFiltersMixin, PostgresSearchQueryCompiler):
    OBJECT_ID = "object_id"
    CONTENT_TYPE = "content_type_id"

    def vector(self):
        return CombinedExpression(F("title"), "||", F("body"))

    def title_vector(self):
        return F("title")

    def rank(self, search_query):
        title = SearchRank(F("title"), search_query, weights=self.sql_weights)
        body = SearchRank(F("body"), search_query, weights=self.sql_weights)
        return title * Value(TITLE_WEIGHT) + body

    def match_entries(self, config):
        self.config = config
        self.search_query = self.build_tsquery(self.query, config=config)
        if self.search_query is None:
            return None
        self.matches = IndexEntry.objects.annotate(_vector=self.vector()).filter(
            _vector=self.search_query
        )
        return self.matches

    def rank_entries(self, entries, stop=None, searched=None):
        """Entries in order of rank. Up to RANK_CANDIDATES, only the best
        candidates are ranked: the first TITLE_CANDIDATES title matches and
        the first RANK_CANDIDATES matches in the order of the index table's
        primary key (the order objects were first indexed).

        That order is one PostgreSQL reads from the primary key's index,
        checking each row as it goes: for a common word it stops after a
        few hundred rows instead of sorting every match, and for a rare
        one it finds the matches through the GIN indexes and sorts those
        few. It runs from the first rows, not the last, because the last
        are often of other kinds (forum topics indexed after the library,
        20,000 of them in the benchmark), which a search of pages would
        read through first. Title candidates are fewer since title matches
        are rarer: reading as far as 500 of them would cost more than
        fetching them all through the index."""
        if stop is None or stop > RANK_CANDIDATES:
            candidates = entries.values("pk")
        else:
            # A title match is a match: the title alone is tested, which
            # costs far less per row than title and body together.
            titled = IndexEntry.objects.annotate(_title=self.title_vector()).filter(
                _title=self.search_query
            )
            matched = self.read_in_order(self.matches)
            first_titled = searched(titled, "pk", TITLE_CANDIDATES)
            first_matched = searched(matched, "pk", RANK_CANDIDATES)
            candidates = RawSQL(  # noqa: S611 - two subqueries of first_searched
                f"({first_titled.sql}) UNION ({first_matched.sql})",
                (*first_titled.params, *first_matched.params),
            )
        return (
            IndexEntry.objects.filter(pk__in=candidates)
            .annotate(
                _pk=Cast(self.OBJECT_ID, BigIntegerField()), _rank=self.rank(self.search_query)
            )
            .order_by("-_rank", "-_pk")
        )

    def read_in_order(self, matches):
        """`matches` as the test to make on each row read in the index's
        order (the facets' sample, the candidates to rank): for one word,
        the title, then the body (one_word_in_title_or_body), which finds
        the same entries for a third of the cost per row."""
        either = self.one_word_in_title_or_body()
        return matches if either is None else IndexEntry.objects.filter(either)

    def one_word_in_title_or_body(self):
        """The match as a test of the title, then of the body, for a query of
        one word of letters and digits (which the database reads as one
        lexeme at most); None for any other query. Joining title and body
        for each row read costs several times more (20 ms against 3 for a
        common word's first 500 matches). With several words the two would
        not find the same entries: a stop word ("и" in "инновации и
        маркетинг", "off" in "kick-off") finds nothing on its own, where
        the joined match leaves it out."""
        query = self.query
        if not isinstance(query, PlainText) or not ONE_WORD.fullmatch(query.query_string.strip()):
            return None
        return self.word_in_title_or_body(query.query_string.strip())

    def word_in_title_or_body(self, word):
        word_query = self.build_tsquery(PlainText(word), config=self.config)
        if word_query is None:
            return None
        return Q(title=word_query) | Q(body=word_query)


class RankingAutocompleteQueryCompiler(RankingQueryCompiler, PostgresAutocompleteQueryCompiler):
    """Prefix matches on every word typed: "иннов марке" finds
    "Инновационный маркетинг"."""

    def vector(self):
        return F("autocomplete")

    def title_vector(self):
        return F("autocomplete")

    def one_word_in_title_or_body(self):
        # One column, tested as cheaply as it can be.
        return None

    def rank(self, search_query):
        return SearchRank(F("autocomplete"), search_query)

    def build_tsquery_content(self, query, config=None, invert=False):
        if isinstance(query, PlainText) and not invert:
            terms = [term for term in re.split(r"[\s\-]+", query.query_string) if term]
            if not terms:
                return None
            lexemes = reduce(operator.and_, [Lexeme(term, prefix=True) for term in terms])
            return SearchQuery(lexemes, search_type="raw", config=config)
        return super().build_tsquery_content(query, config=config, invert=invert)


class PortalPostgresResults(FastResultsMixin, PostgresSearchResults):
    pass


class PortalPostgresSearchBackend(PostgresSearchBackend):
    accepts_any_filter = True  # see SQLFiltersMixin
    query_compiler_class = RankingQueryCompiler
    autocomplete_query_compiler_class = RankingAutocompleteQueryCompiler
    index_class = PortalPostgresIndex
    results_class = PortalPostgresResults

    def __init__(self, params):
        params = {"SEARCH_CONFIG": SEARCH_CONFIG, **params}
        super().__init__(params)


SearchBackend = PortalPostgresSearchBackend
