"""Time the portal's heaviest pages on an existing (generated) database:
the median of a few warm requests through Django's test client, the
number of SQL queries and the slowest ones.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/rusmeco_bench_100k \\
        .venv/bin/python bench/page_times.py [--repeat 5] [--queries 3] [path ...]

Only reads: it never writes to the database it is pointed at. Without
paths it times the search page (a very common word in each language), a
library item in each language and the library index.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
os.environ.setdefault("PAGE_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def default_paths():
    from library.models import LibraryItemPage

    paths = ["/ru/search/?q=компании", "/en/search/?q=companies"]
    for code in ("ru", "en"):
        item = (
            LibraryItemPage.objects.live()
            .filter(locale__language_code=code)
            .order_by("-pk")
            .first()
        )
        if item is not None:
            paths.append(item.get_url())
            paths.append(item.get_parent().get_url())
    return paths


def measure(client, path, repeat, shown):
    client.get(path)  # warm up
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            times.append(time.perf_counter() - started)
    slowest = sorted(queries.captured_queries, key=lambda q: -float(q["time"]))[:shown]
    print(
        f"{statistics.median(times) * 1000:8.0f} ms  {len(queries.captured_queries):3d} queries"
        f"  {response.status_code}  {path}"
    )
    for query in slowest:
        print(f"           {float(query['time']) * 1000:7.1f} ms  {query['sql'][:300]}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--queries", type=int, default=3, help="slowest queries shown per page")
    args = parser.parse_args()
    client = Client()
    for path in args.paths or default_paths():
        measure(client, path, max(args.repeat, 1), args.queries)


if __name__ == "__main__":
    main()
