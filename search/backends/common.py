"""What the portal's two database backends share.

Wagtail's database backends rank every match with a correlated subquery per
row (SQLite) or compute the rank over a join that no index covers
(PostgreSQL), which takes seconds at library scale. Here the search runs
from the index table instead: the entries that match the query, restricted
to the objects of the searched queryset by one uncorrelated subquery, are
ranked and cut to one page of results, and only that page of objects is
loaded. Counting and facets reuse the same match as a subquery.

Counting is bounded: a count asked for up to n results (`results[:n]
.count()`) and the facet counts asked for at most n results
(`facet_counts(limit=n)`) read at most n matches, a LIMITed subquery the
database stops early on, so a word found in most of the library costs no
more to count than one found a thousand times. The facets' sample and the
candidates to rank are the first matches in the index's order, each looked
up by primary key (`first_searched`), so that a rare word costs no more
than a common one either.
"""

from django.db import connections
from django.db.models import BigIntegerField, Count
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.query import And, Or, Phrase, PlainText
from modelsearch.utils import get_descendants_content_types_pks

from search.models import SearchFacet
from search.records import store_records


class RecordsIndexMixin:
    """Keep the search records next to the index entries."""

    def add_items(self, model, objs):
        objs = list(objs)
        store_records(model, objs)
        super().add_items(model, objs)


class SQLFiltersMixin:
    """The database backends filter matches with the searched queryset's
    own SQL, so any filter works (an Exists, a condition on a field that is
    no FilterField): Wagtail's check, which exists for the external
    engines, is skipped here."""

    def _get_filters_from_queryset(self, check_only=False):
        if check_only:
            return None
        return super()._get_filters_from_queryset(check_only=check_only)


def plain_query(query):
    """True for queries made of words and phrases joined by AND/OR: the
    ones the fast path ranks. Others (NOT, fuzzy, boosts, match-all) take
    Wagtail's own path."""
    if isinstance(query, (PlainText, Phrase)):
        return True
    if isinstance(query, (And, Or)):
        return all(plain_query(subquery) for subquery in query.subqueries)
    return False


class FastResultsMixin:
    """Search results that rank from the index table (see module docstring).

    The query compiler provides `match_entries(config)` (a queryset of the
    matching index rows, or None when nothing can match), `rank_entries(
    entries, stop, searched)` (the same rows in order of relevance,
    annotated with `_rank`; `searched` restricts other index rows to the
    searched objects as `entries` are), `OBJECT_ID` and `CONTENT_TYPE` (the lookups of the object id
    and content type in them), and `read_in_order(matches)` (the same rows
    as the cheapest test to make on each row read in the index's order).
    """

    def _fast(self):
        compiler = self.query_compiler
        return (
            compiler.fields is None and compiler.order_by_relevance and plain_query(compiler.query)
        )

    def _entries(self):
        compiler = self.query_compiler
        entries = compiler.match_entries(compiler.get_config(self.backend))
        if entries is None:
            return None
        return self._searched(entries)

    def _searched(self, entries):
        """`entries` (index rows) of the objects of the searched queryset."""
        compiler = self.query_compiler
        # Compare as integers: the database can then look each match up by
        # primary key (the few of a rare word, or the first few hundred of
        # a common one) instead of hashing every page.
        return self._typed(entries).filter(_pk__in=compiler.queryset.order_by().values("pk"))

    def _typed(self, entries):
        """`entries` of the searched model's types, with their object's
        primary key as `_pk`."""
        compiler = self.query_compiler
        return entries.annotate(_pk=Cast(compiler.OBJECT_ID, BigIntegerField())).filter(
            **{
                compiler.CONTENT_TYPE + "__in": get_descendants_content_types_pks(
                    compiler.queryset.model
                )
            }
        )

    def first_searched(self, entries, column, limit):
        """A subquery of `column` ("pk" or "_pk") of the first `limit` of
        `entries` (index rows) in the index's order that are of objects of
        the searched queryset.

        On PostgreSQL the matches are put in order first (from the primary
        key's index for a common word, stopping early; through the GIN
        index and a sort for a rare one, whichever costs less for the
        number of matches the table's statistics predict), then each is
        looked up by primary key until `limit` are found. Written as a
        join (`_searched`), the same query makes PostgreSQL hash every
        visible page (75 ms at 100,000 pages) once a word has more than a
        few hundred matches, since it costs each look-up as a read from
        disk. OFFSET 0 keeps both steps apart."""
        compiler = self.query_compiler
        queryset = compiler.queryset
        connection = connections[queryset.db]
        if connection.vendor != "postgresql":
            return self._searched(entries).order_by("pk").values(column)[:limit]
        ordered = self._typed(entries).order_by("pk").values("pk", "_pk")
        qn = connection.ops.quote_name
        meta = queryset.model._meta
        own = f"{qn(meta.db_table)}.{qn(meta.pk.column)} = {qn('_matches')}.{qn('_pk')}"
        # Only quoted names in the SQL; every value stays a parameter.
        check = queryset.order_by().extra(where=[own]).values("pk")  # noqa: S610
        ordered_sql, ordered_params = ordered.query.sql_with_params()
        check_sql, check_params = check.query.sql_with_params()
        return RawSQL(  # noqa: S611 - compiled querysets and quoted names
            f"SELECT {qn('_matches')}.{qn(column)} FROM ({ordered_sql} OFFSET 0) {qn('_matches')}"  # noqa: S608
            f" WHERE EXISTS (({check_sql}) OFFSET 0) LIMIT %s",
            (*ordered_params, *check_params, limit),
        )

    def _do_search(self):
        if not self._fast():
            return super()._do_search()
        entries = self._entries()
        if entries is None:
            return []
        compiler = self.query_compiler
        ranked = compiler.rank_entries(entries, self.stop, searched=self.first_searched)
        rows = list(ranked.values_list(compiler.OBJECT_ID, "_rank")[self.start : self.stop])
        ids = [object_id for object_id, _rank in rows]
        objects = {str(obj.pk): obj for obj in compiler.queryset.filter(pk__in=ids).order_by()}
        results = []
        for object_id, rank in rows:
            obj = objects.get(object_id)
            if obj is not None:
                if self._score_field:
                    setattr(obj, self._score_field, rank)
                results.append(obj)
        return results

    def _do_count(self):
        if not self._fast():
            return super()._do_count()
        entries = self._entries()
        if entries is None:
            return 0
        if self.stop is not None:
            # Count no further than asked: the database stops at `stop`.
            count = entries.values("pk")[: self.stop].count() - self.start
        else:
            count = entries.count() - self.start
        return max(count, 0)

    def matched_pks(self):
        """A subquery of the primary keys of all matching objects."""
        entries = self._entries()
        return None if entries is None else entries.values("_pk")

    def facet_counts(self, limit=None):
        """{facet name: {value: number of matching pages}} for all facets,
        among at most `limit` matching pages (any of them: the counts are
        exact when fewer match, and say only which values occur otherwise)."""
        matched = self.matched_pks() if self._fast() else None
        if matched is None:
            return {}
        if limit is not None:
            # In the index's order, so that PostgreSQL can stop early.
            compiler = self.query_compiler
            entries = compiler.read_in_order(
                compiler.match_entries(compiler.get_config(self.backend))
            )
            matched = self.first_searched(entries, "_pk", limit)
        counts = {}
        rows = (
            SearchFacet.objects.filter(record_id__in=matched)
            .values_list("name", "value")
            .annotate(count=Count("id"))
            .order_by()
        )
        for name, value, count in rows:
            counts.setdefault(name, {})[value] = count
        return counts
