"""The portal's database search backend, for whichever database the site
runs on: `WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND":
"search.backends.database"}}`.

PostgreSQL gets `search.backends.postgres`, SQLite with FTS5
`search.backends.sqlite`; any other database falls back to Wagtail's own
database backend.
"""

from functools import cache

from django.db import connection
from modelsearch.backends.database.sqlite.utils import fts5_available

fts5_available = cache(fts5_available)  # it opens a database to find out


def SearchBackend(params):  # noqa: N802 (Wagtail looks the backend up by this name)
    if connection.vendor == "postgresql":
        from search.backends.postgres import PortalPostgresSearchBackend

        return PortalPostgresSearchBackend(params)
    if connection.vendor == "sqlite" and fts5_available():
        from search.backends.sqlite import PortalSQLiteSearchBackend

        return PortalSQLiteSearchBackend(params)
    from modelsearch.backends.database import SearchBackend as WagtailBackend

    return WagtailBackend(params)
