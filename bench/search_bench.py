"""Search speed benchmark: the portal's database backend against Wagtail's
stock database backend, on the same generated library.

    .venv/bin/python bench/search_bench.py                 # 10,000 items, SQLite
    .venv/bin/python bench/search_bench.py --items 50000 \\
        --database postgres://postgres@127.0.0.1:5432/rusmeco_search_bench

It never touches the developer's database: SQLite runs in a temporary
folder, and a PostgreSQL database must have "bench" in its name (it is
created when missing and emptied before use). It generates bilingual
items (half Russian, half English; titles and bodies drawn from a fixed
vocabulary of inflected word forms, a few words in nearly every item and a
few in very few), builds the index with each backend in turn, requests the
search page (`/ru/search/?q=…`, `/en/search/?q=…`) for a fixed set of
Russian and English queries, rare and very common words, and prints the
median and 95th percentile latency of each backend side by side.

Every run is bounded: `--repeat` requests per query, and a backend stops
early once it has spent `--budget` seconds on requests.
"""

import argparse
import random
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bulk import Children, build_index, sentence, tidy_up  # noqa: E402
from bench.databases import prepare_database  # noqa: E402

QUERIES = [
    ("ru", "компаниями"),  # common: in nearly every item
    ("ru", "инновационного развития"),  # common
    ("ru", "управлении знаниями"),  # medium
    ("ru", "патентного"),  # rare
    ("ru", "венчурным фондам"),  # rare, both words
    ("en", "companies"),  # common
    ("en", "managing innovations"),  # common
    ("en", "knowledge sharing"),  # medium
    ("en", "patents"),  # rare
    ("en", "venture funds"),  # rare, both words
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--items", type=int, default=10_000)
    parser.add_argument("--database", default="", help="postgres://… (name must contain 'bench')")
    parser.add_argument("--repeat", type=int, default=5, help="requests per query and backend")
    parser.add_argument(
        "--budget", type=float, default=120.0, help="seconds of requests per backend"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--only", choices=["portal", "wagtail"], help="measure one backend only")
    return parser.parse_args()


def generate(items, seed):
    """Create `items` live StandardPages, half under each language's home,
    in bulk (bench/bulk.py writes the page tree directly)."""
    import datetime

    from django.db import transaction
    from django.utils import timezone
    from wagtail.models import Locale

    from home.demo import translate
    from home.models import HomePage, Region, StandardPage

    rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
    home_ru = HomePage.objects.get(depth=2)
    home_ru.save_revision().publish()
    home_en = translate(home_ru, "en", {home_ru.title: "RUSMECO home"})
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    regions = {}
    for code in ("ru", "en"):
        for slug, name in [("moscow", "Москва"), ("st-petersburg", "Санкт-Петербург")]:
            regions.setdefault(code, []).append(
                Region.objects.create(locale=locales[code], slug=slug, name=name)
            )
    start = timezone.make_aware(datetime.datetime(2005, 5, 1))
    with transaction.atomic():
        for code, home in (("ru", home_ru), ("en", home_en)):
            children = Children(home)
            pages = []
            for number in range(items // 2):
                published = start + datetime.timedelta(days=rng.randrange(0, 1400))
                paragraph = sentence(rng, code, rng.randint(120, 220))
                pages.append(
                    StandardPage(
                        title=sentence(rng, code, rng.randint(4, 9)).capitalize(),
                        slug=f"item-{number}",
                        locale=locales[code],
                        live=True,
                        first_published_at=published,
                        last_published_at=published,
                        intro=sentence(rng, code, 25),
                        body=[{"type": "paragraph", "value": f"<p>{paragraph}</p>"}],
                        region=rng.choice(regions[code]) if rng.random() < 0.6 else None,
                    )
                )
                if len(pages) == 2000:
                    children.add(pages)
                    pages = []
            children.add(pages)
            children.finish()


def measure(backend_path, repeat, budget):
    """Latencies (ms) of the search page, all queries together, and for
    each query its number of results and median latency."""
    from django.test import Client
    from django.test.utils import override_settings

    client = Client()
    latencies, per_query = [], {}
    spent = 0.0
    with override_settings(WAGTAILSEARCH_BACKENDS={"default": {"BACKEND": backend_path}}):
        for language, query in QUERIES:
            url = f"/{language}/search/"
            times = []
            for run in range(repeat + 1):
                if spent > budget:
                    return latencies, per_query, True
                began = time.perf_counter()
                response = client.get(url, {"q": query})
                elapsed = time.perf_counter() - began
                spent += elapsed
                assert response.status_code == 200
                assert not response.context["outcome"].failed, f"{query}: search failed"
                if run:  # the first request warms the caches
                    times.append(elapsed * 1000)
            latencies += times
            per_query[query] = (response.context["outcome"].count, statistics.median(times))
    return latencies, per_query, False


def summary(latencies):
    if not latencies:
        return "no completed requests"
    ordered = sorted(latencies)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return (
        f"median {statistics.median(ordered):8.1f} ms   p95 {p95:8.1f} ms   "
        f"({len(ordered)} requests)"
    )


def main():
    args = parse_args()
    url = prepare_database(args.database, "search")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import setup_test_environment

    setup_test_environment()  # responses then carry their template context

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor} ({url.split('@')[-1]}); items: {args.items}")
    began = time.perf_counter()
    generate(args.items, args.seed)
    tidy_up()
    print(f"Generated in {time.perf_counter() - began:.0f} s")

    backends = [
        ("portal", "search.backends.database"),
        ("wagtail", "wagtail.search.backends.database"),
    ]
    report, details = [], {}
    for name, path in backends:
        if args.only and args.only != name:
            continue
        began = time.perf_counter()
        build_index(path)
        print(f"{name}: index built in {time.perf_counter() - began:.0f} s")
        latencies, details[name], stopped = measure(path, args.repeat, args.budget)
        note = " (stopped at the time budget)" if stopped else ""
        report.append(f"{name:8} {summary(latencies)}{note}")
    print(f"\n{'query':28}" + "".join(f"{name:>26}" for name in details))
    for _language, query in QUERIES:
        cells = []
        for name in details:
            found, median = details[name].get(query, (None, None))
            cells.append("not run" if found is None else f"{found:6} found {median:8.1f} ms")
        print(f"{query:28}" + "".join(f"{cell:>26}" for cell in cells))
    print("\nSearch page latency (all queries):")
    print("\n".join(report))


if __name__ == "__main__":
    main()
