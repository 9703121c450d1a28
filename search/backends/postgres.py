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
page lets a visitor go) only RANK_CANDIDATES candidates are ranked, the
title matches first, then the newest. The count stays exact.
"""

import operator
import re
from functools import reduce

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db.models import (
    BigIntegerField,
    BooleanField,
    ExpressionWrapper,
    F,
    Q,
    Value,
)
from django.db.models.expressions import CombinedExpression
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
SEARCH_CONFIG = "russian"


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
        self.search_query = self.build_tsquery(self.query, config=config)
        if self.search_query is None:
            return None
        return IndexEntry.objects.annotate(_vector=self.vector()).filter(_vector=self.search_query)

    def rank_entries(self, entries, stop=None):
        """Entries in order of rank. Up to RANK_CANDIDATES, only the best
        candidates are ranked: title matches first, then the newest."""
        if stop is None or stop > RANK_CANDIDATES:
            candidates = entries.values("pk")
        else:
            title_hit = ExpressionWrapper(Q(_title=self.search_query), output_field=BooleanField())
            candidates = (
                entries.annotate(_title=self.title_vector(), _title_hit=title_hit)
                .order_by("-_title_hit", "-_pk")
                .values("pk")[:RANK_CANDIDATES]
            )
        return (
            IndexEntry.objects.filter(pk__in=candidates)
            .annotate(
                _pk=Cast(self.OBJECT_ID, BigIntegerField()), _rank=self.rank(self.search_query)
            )
            .order_by("-_rank", "-_pk")
        )


class RankingAutocompleteQueryCompiler(RankingQueryCompiler, PostgresAutocompleteQueryCompiler):
    """Prefix matches on every word typed: "иннов марке" finds
    "Инновационный маркетинг"."""

    def vector(self):
        return F("autocomplete")

    def title_vector(self):
        return F("autocomplete")

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
