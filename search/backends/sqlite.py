"""The portal's SQLite backend: Wagtail's FTS5 backend with Russian and
English stems and a ranking that runs from the full-text index.

FTS5 knows no Russian, so text is stemmed before it enters the index
(titles and bodies are stored as lines of stems) and the words of every
query are stemmed the same way: "инновациями" and "инновации" both become
"инновац". The autocomplete column keeps the words as written, for prefix
matching of what has been typed.
"""

from functools import reduce

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import (
    AndNot,
    Lexeme,
    MatchExpression,
    SearchQueryExpression,
    normalize,
)
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    ObjectIndexer,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteIndex,
    SQLiteSearchBackend,
    SQLiteSearchQueryCompiler,
    SQLiteSearchResults,
)
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_content_type_pk

from search import text
from search.backends.common import FastResultsMixin, SQLFiltersMixin
from search.records import store_records

# FTS5 columns in table order: autocomplete, body, title. A title match
# weighs ten times a body match, so pages with the words in their title
# come first.
RANK_WEIGHTS = (0.0, 1.0, 10.0)
AUTOCOMPLETE_WEIGHTS = (1.0, 0.0, 0.0)


class WeightedBM25(Func):
    output_field = FloatField()

    def __init__(self, weights):
        self.weights = weights
        super().__init__()

    def as_sql(self, compiler, connection, **extra):
        table = SQLiteFTSIndexEntry._meta.db_table
        weights = ", ".join(str(float(weight)) for weight in self.weights)
        return f"bm25({table}, {weights})", []


class StemmingIndex(SQLiteIndex):
    """Stores titles and bodies as stems, and autocomplete words folded,
    next to the search records of the pages."""

    def add_items(self, model, objs):
        objs = list(objs)
        store_records(model, objs)
        if not model.get_search_fields() or not objs:
            return
        content_type_pk = get_content_type_pk(model)
        data = {}
        for obj in objs:
            indexer = ObjectIndexer(obj, self.backend)
            data[indexer.id] = {
                "title": text.stemmed_text(indexer.title),
                "body": text.stemmed_text(indexer.body),
                "autocomplete": " ".join(text.words(indexer.autocomplete)),
            }
        # One statement that inserts or updates (the FTS table follows both
        # through its triggers): the worker and a request may index the same
        # page at once, and a look-then-insert would let both insert.
        self.entries.bulk_create(
            [
                IndexEntry(content_type_id=content_type_pk, object_id=object_id, **values)
                for object_id, values in data.items()
            ],
            update_conflicts=True,
            unique_fields=["content_type", "object_id"],
            update_fields=["title", "body", "autocomplete"],
        )
        self._refresh_title_norms()


class StemmingQueryCompiler(SQLFiltersMixin, SQLiteSearchQueryCompiler):
    OBJECT_ID = "index_entry__object_id"
    CONTENT_TYPE = "index_entry__content_type_id"
    WEIGHTS = RANK_WEIGHTS

    def query_terms(self, query_string):
        return text.unique_stems(query_string)

    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            terms = self.query_terms(query.query_string)
            if not terms:
                return None
            lexemes = [Lexeme(term, prefix=self.LAST_TERM_IS_PREFIX) for term in terms]
            combine = (lambda a, b: a & b) if query.operator == "and" else (lambda a, b: a | b)
            return SearchQueryExpression(reduce(combine, lexemes), config=config)
        if isinstance(query, Phrase):
            terms = self.query_terms(query.query_string)
            return SearchQueryExpression(" ".join(terms)) if terms else None
        if isinstance(query, (And, Or)):
            parts = [
                self.build_search_query_content(sub, config=config) for sub in query.subqueries
            ]
            parts = [part for part in parts if part is not None]
            if not parts:
                return None
            if isinstance(query, And):
                return reduce(lambda a, b: a & b, parts)
            return reduce(lambda a, b: a | b, parts)
        if isinstance(query, AndNot):
            first = self.build_search_query_content(query.subquery_a, config=config)
            second = self.build_search_query_content(query.subquery_b, config=config)
            if first is None or second is None:
                return first
            return first._combine(second, "NOT")
        return super().build_search_query_content(query, config=config)

    def rank_entries(self, entries, stop=None, searched=None):
        return entries.order_by("_rank", "-_pk")

    def read_in_order(self, matches):
        # FTS5 answers a match as a whole: no cheaper test per row.
        return matches

    def match_entries(self, config=None):
        search_query = self.build_search_query(normalize(self.query))
        if search_query is None:
            return None
        match = MatchExpression(self.fields or self.FTS_TABLE_FIELDS, search_query)
        return SQLiteFTSIndexEntry.objects.filter(match).annotate(_rank=WeightedBM25(self.WEIGHTS))


class StemmingAutocompleteQueryCompiler(StemmingQueryCompiler, SQLiteAutocompleteQueryCompiler):
    """Prefix matches on the words as written: "иннов" finds "Инновации"."""

    LAST_TERM_IS_PREFIX = True
    WEIGHTS = AUTOCOMPLETE_WEIGHTS

    def query_terms(self, query_string):
        return list(dict.fromkeys(text.words(query_string)))


class PortalSQLiteResults(FastResultsMixin, SQLiteSearchResults):
    pass


class PortalSQLiteSearchBackend(SQLiteSearchBackend):
    accepts_any_filter = True  # see SQLFiltersMixin
    query_compiler_class = StemmingQueryCompiler
    autocomplete_query_compiler_class = StemmingAutocompleteQueryCompiler
    index_class = StemmingIndex
    results_class = PortalSQLiteResults


SearchBackend = PortalSQLiteSearchBackend
