"""Digest benchmark: the weekly digest for many members and many new items.

    .venv/bin/python bench/digest_bench.py                   # 10,000 members, 5,000 items, SQLite
    .venv/bin/python bench/digest_bench.py --members 2000 --items 500
    .venv/bin/python bench/digest_bench.py --database \\
        postgres://postgres@127.0.0.1:5432/rusmeco_digest_bench

It never touches the developer's database: SQLite runs in a temporary
folder, and a PostgreSQL database must have "bench" in its name (it is
created when missing and emptied before use).

It generates a bilingual site with three regions and eight themes, then
`--items` new library articles published last week, made one by one with
Wagtail's own `add_child` (the page tree stays as Wagtail keeps it: no
rows written by hand) inside one transaction, a tenth of them translated
into English; `--members` members in bulk (accounts, confirmed addresses,
profiles with a region, e-mail languages, follows of themes, regions and
other members; a fifth follow nothing and get their region's news), a
notification about a new article for every third member, and comments on
a few articles. It then sends last week's digest (`send_digests`, with
Django's dummy mail backend: every e-mail is built and rendered, nothing
leaves) and prints the time, the peak memory and the queries per batch of
members. `--dry-run` builds the digests without recording them.

Every run is bounded: the sizes are given, and nothing repeats.
"""

import argparse
import atexit
import datetime
import os
import random
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import prepare_database  # noqa: E402

REGIONS = [("moscow", "Москва", "Moscow"), ("st-petersburg", "Санкт-Петербург", "St Petersburg"),
           ("ekaterinburg", "Екатеринбург", "Ekaterinburg")]  # fmt: skip
THEMES = [
    ("ipr", "Права интеллектуальной собственности", "Intellectual property rights"),
    ("innovation-marketing", "Маркетинг инноваций", "Innovation marketing"),
    ("quality-management", "Управление качеством", "Quality management"),
    ("knowledge-management", "Управление знаниями", "Knowledge management"),
    ("support-programmes", "Программы поддержки", "Support programmes"),
    ("finance", "Финансирование", "Finance"),
    ("export", "Экспорт", "Export"),
    ("partnerships", "Партнёрства", "Partnerships"),
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--members", type=int, default=10_000)
    parser.add_argument("--items", type=int, default=5_000)
    parser.add_argument("--batch-size", type=int, default=500)
    parser.add_argument("--database", default="", help="postgres://… (name must contain 'bench')")
    parser.add_argument("--dry-run", action="store_true", help="build, do not record")
    parser.add_argument(
        "--tracemalloc",
        action="store_true",
        help="also measure the peak of Python's own allocations (slows the run down)",
    )
    parser.add_argument("--seed", type=int, default=7)
    return parser.parse_args()


def site():
    """Home pages, the library, regions and themes, in Russian and English."""
    from wagtail.models import Locale

    from home.demo import translate
    from home.models import HomePage, Region, Topic
    from library.models import LibraryIndexPage

    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    home_ru = HomePage.objects.get(depth=2)
    home_ru.save_revision().publish()
    translate(home_ru, "en", {home_ru.title: "RUSMECO home"})
    library = LibraryIndexPage(title="Библиотека", slug="library", locale=locales["ru"])
    home_ru.add_child(instance=library)
    library.save_revision().publish()
    translate(library, "en", {"Библиотека": "Library"})
    terms = {}
    for model, rows in ((Region, REGIONS), (Topic, THEMES)):
        for order, (slug, name_ru, name_en) in enumerate(rows):
            term = model.objects.create(
                locale=locales["ru"], slug=slug, name=name_ru, sort_order=order
            )
            translated = term.copy_for_translation(locales["en"])
            translated.name = name_en
            translated.save()
            terms.setdefault(model.__name__, []).append(term)
    return library, terms["Region"], terms["Topic"], locales


def articles(library, regions, topics, locales, count, rng, start):
    """`count` live articles first published in the week from `start`,
    each with a region and one or two themes, a tenth translated into
    English: Wagtail's add_child, one by one, in one transaction."""
    from django.db import transaction
    from django.test.utils import override_settings

    from library.models import ArticlePage

    library_en = library.get_translation(locales["en"])
    created = []
    # The search index is not what is measured: it is left to update_index.
    no_index = {"default": {"BACKEND": "search.backends.database", "AUTO_UPDATE": False}}
    with transaction.atomic(), override_settings(WAGTAILSEARCH_BACKENDS=no_index):
        for number in range(count):
            published = start + datetime.timedelta(seconds=rng.randrange(0, 7 * 24 * 3600))
            page = ArticlePage(
                title=f"Статья {number}",
                slug=f"article-{number}",
                locale=locales["ru"],
                summary=f"Краткое содержание статьи {number}.",
                body=[("paragraph", f"<p>Текст статьи {number}.</p>")],
                region=rng.choice(regions),
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
            page.topics = rng.sample(topics, rng.choice((1, 2)))
            library.add_child(instance=page)
            created.append(page)
            if number % 10 == 0:
                english = ArticlePage(
                    title=f"Article {number}",
                    slug=f"article-{number}",
                    locale=locales["en"],
                    translation_key=page.translation_key,
                    summary=f"Summary of article {number}.",
                    body=[("paragraph", f"<p>Text of article {number}.</p>")],
                    region=page.region.get_translation_or_none(locales["en"]) or page.region,
                    live=True,
                    first_published_at=published,
                    last_published_at=published,
                )
                english.topics = page.topics.all()
                library_en.add_child(instance=english)
    return created


def members(count, regions, topics, pages, rng, start):
    """`count` members in bulk, with what the digest reads about them."""
    from allauth.account.models import EmailAddress
    from django.contrib.auth import get_user_model
    from django.contrib.auth.hashers import make_password
    from django.contrib.contenttypes.models import ContentType

    from community.models import Profile
    from library.models import ArticlePage
    from notifications.models import Follow, MemberSettings, Notification

    User = get_user_model()
    no_password = make_password(None)
    users = User.objects.bulk_create(
        [
            User(
                username=f"m{n}",
                email=f"m{n}@members.example",
                password=no_password,
                first_name=f"M{n}",
            )
            for n in range(count)
        ],
        batch_size=2000,
    )
    EmailAddress.objects.bulk_create(
        [EmailAddress(user=u, email=u.email, verified=True, primary=True) for u in users],
        batch_size=2000,
    )
    Profile.objects.bulk_create(
        [
            Profile(
                user=u,
                display_name=u.first_name,
                search_name=u.first_name.casefold(),
                region=rng.choice(regions),
                visibility=rng.choice(("public", "members", "private")),
            )
            for u in users
        ],
        batch_size=2000,
    )
    MemberSettings.objects.bulk_create(
        [MemberSettings(user=u, language="en") for u in users if u.pk % 3 == 0], batch_size=2000
    )
    follows = []
    for user in users:
        if rng.random() < 0.2:
            continue  # follows nothing: gets their region's news
        for topic in rng.sample(topics, rng.randint(0, 3)):
            follows.append(Follow(user=user, kind="theme", key=str(topic.translation_key)))
        if rng.random() < 0.3:
            region = rng.choice(regions)
            follows.append(Follow(user=user, kind="region", key=str(region.translation_key)))
        if rng.random() < 0.2:
            follows.append(Follow(user=user, kind="member", key=str(rng.choice(users).pk)))
    Follow.objects.bulk_create(follows, batch_size=2000, ignore_conflicts=True)
    article_type = ContentType.objects.get_for_model(ArticlePage)
    Notification.objects.bulk_create(
        [
            Notification(
                recipient=user,
                event="followed_content",
                target_type=article_type,
                target_id=rng.choice(pages).pk,
                actor=rng.choice(users),
            )
            for user in users[::3]
        ],
        batch_size=2000,
    )
    # Made "now"; dated last week, as the digest expects them.
    Notification.objects.update(created_at=start, updated_at=start + datetime.timedelta(days=1))
    return len(follows)


def comments(pages, rng, start, count=50):
    from django.conf import settings
    from django.contrib.contenttypes.models import ContentType
    from django_comments_xtd.models import XtdComment

    from library.models import ArticlePage

    article_type = ContentType.objects.get_for_model(ArticlePage)
    for number in range(count):
        page = rng.choice(pages[:20])
        XtdComment.objects.create(
            content_type=article_type,
            object_pk=str(page.pk),
            site_id=settings.SITE_ID,
            user_name="M",
            comment=f"Комментарий {number}",
            submit_date=start + datetime.timedelta(hours=number % 150),
        )


class QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)


def main():
    args = parse_args()
    url = prepare_database(args.database, "digest")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import override_settings

    from notifications.digest import period_of, send_digests

    call_command("migrate", verbosity=0)
    print(f"Database: {connection.vendor} ({url.split('@')[-1]})")
    rng = random.Random(args.seed)  # noqa: S311 (test data, not secrets)
    period = period_of("weekly")

    began = time.perf_counter()
    library, regions, topics, locales = site()
    pages = articles(library, regions, topics, locales, args.items, rng, period.start)
    took = time.perf_counter() - began
    print(
        f"{len(pages)} articles (and {len(pages[::10])} English translations) made with "
        f"add_child in {took:.0f} s ({1000 * took / max(len(pages), 1):.1f} ms an article)"
    )
    began = time.perf_counter()
    follows = members(args.members, regions, topics, pages, rng, period.start)
    comments(pages, rng, period.start)
    print(
        f"{args.members} members with {follows} follows made in bulk in "
        f"{time.perf_counter() - began:.0f} s"
    )
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    counter = QueryCounter()
    per_batch, last = [], [0]

    def progress(done, total):
        per_batch.append(counter.count - last[0])
        last[0] = counter.count
        print(f"\rmembers {done}/{total}", end="", file=sys.stderr, flush=True)

    written = [0]

    def write(text):
        written[0] += 1

    # DIGEST_BENCH_PROFILE=digest.prof writes a cProfile of the digest run there.
    profile_to = os.environ.get("DIGEST_BENCH_PROFILE")
    if profile_to:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        atexit.register(lambda: (profiler.disable(), profiler.dump_stats(profile_to)))
    if args.tracemalloc:
        tracemalloc.start()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    began = time.perf_counter()
    with (
        override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"),
        connection.execute_wrapper(counter),
    ):
        outcome = send_digests(
            "weekly",
            dry_run=args.dry_run,
            batch_size=args.batch_size,
            write=write,
            progress=progress,
        )
    took = time.perf_counter() - began
    rss_after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    _, peak = tracemalloc.get_traced_memory() if args.tracemalloc else (0, 0)
    tracemalloc.stop()
    print(file=sys.stderr)
    setup_queries = per_batch[0] if per_batch else 0
    batches = per_batch[1:]
    mode = "built (dry run)" if args.dry_run else "built, rendered, recorded"
    print(f"\n{outcome.sent} digests {mode} for {outcome.members} members in {took:.1f} s")
    print(f"  {1000 * took / max(outcome.members, 1):.2f} ms a member")
    if args.tracemalloc:
        print(f"  peak Python memory (tracemalloc) {peak / 2**20:.1f} MiB")
    print(
        f"  max resident set size {rss_after / 1024:.0f} MiB "
        f"({(rss_after - rss_before) / 1024:.0f} MiB more than after making the data)"
    )
    print(f"  queries: {counter.count} in all; the first batch {setup_queries} (with loading the")
    print("  week's content once); the other batches " + (
        f"{min(batches)} to {max(batches)} each" if batches else "none"
    ))  # fmt: skip


if __name__ == "__main__":
    main()
