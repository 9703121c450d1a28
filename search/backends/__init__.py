"""The portal's search backends: Wagtail's own backends, extended.

- `search.backends.database` (the default): SQLite FTS5 or PostgreSQL full
  text search, with Russian and English word forms, title matches ranked
  above body matches, and a query plan that stays fast at library scale.
- `search.backends.elasticsearch` / `search.backends.opensearch`: Wagtail's
  Elasticsearch 9 / OpenSearch 3 backends with Russian and English analysis
  in the index settings.

All of them keep Wagtail's search API (`queryset.search(...)`), write the
search records the results page shows (`search/records.py`) and answer
`results.facet_counts(limit=n)` for the facets (the database backends
count among at most n matches, so that counting stays fast however common
the word; the engines count them all).
"""
