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
more to count than one found a thousand times.
"""

from django.db.models import BigIntegerField, Count
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
    and content type in them).
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
        model = compiler.queryset.model
        # Compare as integers: the database can then look each match up by
        # primary key (the few of a rare word, or the first few hundred of
        # a common one) instead of hashing every page.
        return entries.annotate(_pk=Cast(compiler.OBJECT_ID, BigIntegerField())).filter(
            **{
                compiler.CONTENT_TYPE + "__in": get_descendants_content_types_pks(model),
                "_pk__in": compiler.queryset.order_by().values("pk"),
            }
        )

    def _do_search(self):
        if not self._fast():
            return super()._do_search()
        entries = self._entries()
        if entries is None:
            return []
        compiler = self.query_compiler
        ranked = compiler.rank_entries(entries, self.stop, searched=self._searched)
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
            # In the index's order: PostgreSQL reads the index table from
            # its first row and stops at `limit` matches, checking each
            # one's page by primary key (unordered, it would hash every
            # visible page first).
            matched = matched.order_by("pk")[:limit]
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
