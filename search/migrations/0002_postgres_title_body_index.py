"""A GIN index over `title || body` of Wagtail's search index table, on
PostgreSQL only.

The portal's PostgreSQL backend matches queries against the concatenation
of the title and body vectors (see search/backends/postgres.py); without an
index over that exact expression every search reads the whole table.
Wagtail's own migrations index the two columns separately only.
"""

from django.db import migrations

INDEX = "search_indexentry_title_body_gin"
TABLE = "wagtailsearch_indexentry"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON {TABLE} USING GIN ((title || body))"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
