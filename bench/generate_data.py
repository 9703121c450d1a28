"""Fill a benchmark database with a large portal: library items, members,
events with registrations, library comments and forum posts, in Russian
and English.

    .venv/bin/python bench/generate_data.py --scale 1000 --check      # SQLite, temporary
    .venv/bin/python bench/generate_data.py --scale 100000 --check \\
        --database postgres://postgres@127.0.0.1:5432/rusmeco_bench_100k

It starts from the demo content (`migrate`, `load_demo_content`: the site,
both locales, the index pages, regions, themes and forum boards), then adds
in bulk (bench/bulk.py writes the page tree directly):

- library items (articles and case studies): each in Russian with its
  English translation (same translation_key, under the English library), half
  of them written in English first; themes and a region of their language;
- members: accounts (all with the password `--password`, e-mail verified),
  person profiles spread over the three regions with themes, and companies
  that most members belong to;
- events in both languages, spread over the past and the coming years,
  and registrations of members (on the event's first page, which holds the
  seats of both languages);
- comments: half library comments (django-comments-xtd), half forum posts
  in topics on the demo boards (one board gets most of them).

Then one search index build and ANALYZE. `--scale N` sets N library items and
everything else in proportion to the full figures (100,000 items, 10,000
members, 1,000 events, 50,000 registrations, 1,000,000 comments); `--check`
then requests a page of each kind in both languages. It never touches the
developer's database: SQLite runs in a temporary folder, and a PostgreSQL
database must have "bench" in its name (it is dropped and created afresh).
Generated data stays in place for load tests.
"""

import argparse
import datetime
import random
import sys
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bulk import Children, Progress, build_index, chunked, insert, sentence  # noqa: E402
from bench.databases import prepare_database  # noqa: E402

FULL = {
    "items": 100_000,
    "members": 10_000,
    "events": 1_000,
    "registrations": 50_000,
    "comments": 1_000_000,
}
CHUNK = 1000
POSTS_PER_TOPIC = 25
# The board that gets most forum topics, for a page of a board with many posts.
BUSY_BOARD_SHARE = 0.6

FIRST_NAMES = {
    "ru": "Анна Мария Елена Ольга Ирина Алексей Сергей Дмитрий Андрей Павел Игорь Наталья",
    "en": "Anna Maria Elena Olga Irina Alexey Sergey Dmitry Andrey Pavel Igor Natalia",
}
LAST_NAMES = {
    "ru": "Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Морозов Волков Лебедев",
    "en": "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Morozov Volkov Lebedev",
}


def figures(args):
    """The number of each kind of thing to generate."""
    if args.scale:
        share = args.scale / FULL["items"]
        counts = {name: max(1, round(full * share)) for name, full in FULL.items()}
    else:
        counts = {name: getattr(args, name) for name in FULL}
    counts["registrations"] = min(counts["registrations"], counts["events"] * counts["members"])
    return counts


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="", help="postgres://… (name must contain 'bench')")
    parser.add_argument("--scale", type=int, help="library items; the rest in proportion")
    for name, full in FULL.items():
        parser.add_argument(f"--{name}", type=int, default=full)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--password", default="bench-password", help="every member's password")
    parser.add_argument("--check", action="store_true", help="request generated pages at the end")
    return parser.parse_args(argv)


class Generator:
    """Writes one portal's bulk content; each method is one phase."""

    def __init__(self, counts, seed, password):
        from django.utils import timezone
        from wagtail.models import Locale

        from home.models import Region, Topic

        self.counts = counts
        self.rng = random.Random(seed)  # noqa: S311 (test data, not secrets)
        self.password = password
        self.now = timezone.now()
        self.locales = {locale.language_code: locale for locale in Locale.objects.all()}
        self.regions = {
            code: list(Region.objects.filter(locale=locale).order_by("sort_order", "pk"))
            for code, locale in self.locales.items()
        }
        self.region_by_key = {
            (region.translation_key, region.locale_id): region
            for regions in self.regions.values()
            for region in regions
        }
        self.topics = list(Topic.objects.filter(locale=self.locales["ru"]).order_by("pk"))
        self.member_ids = []
        self.item_pages = []  # (content type id, page id), for comments

    # Helpers ---------------------------------------------------------------

    def index_pages(self, model):
        """{language code: the demo's index page of `model`}."""
        return {
            code: model.objects.get(locale=locale, depth=3) for code, locale in self.locales.items()
        }

    def translated_region(self, region, code):
        return self.region_by_key[(region.translation_key, self.locales[code].pk)]

    def moment(self, days_before, days_after=0):
        offset = self.rng.uniform(-days_before, days_after)
        return self.now + datetime.timedelta(days=offset)

    def person(self):
        code = self.rng.choice(("ru", "en"))
        first = self.rng.choice(FIRST_NAMES[code].split())
        last = self.rng.choice(LAST_NAMES[code].split())
        return first, last

    # Phases ------------------------------------------------------------------

    def members(self):
        from allauth.account.models import EmailAddress
        from django.contrib.auth.hashers import make_password
        from django.contrib.auth.models import User

        from community.models import Company, CompanyMembership, Profile
        from community.models.companies import Role
        from community.models.profiles import Visibility

        count = self.counts["members"]
        hashed = make_password(self.password)
        ru_regions = self.regions["ru"]
        companies = []
        for number in range(max(1, count // 10)):
            name = f"{sentence(self.rng, 'ru', 2).capitalize()} {number}"
            companies.append(
                Company(
                    name=name,
                    slug=f"bench-company-{number}",
                    search_name=name.casefold(),
                    sector=self.rng.choice(
                        ["software", "electronics", "engineering", "materials", "consulting"]
                    ),
                    region=ru_regions[number % len(ru_regions)],
                    description=sentence(self.rng, "ru", 40),
                )
            )
        Company.objects.bulk_create(companies, batch_size=CHUNK)
        companies = list(Company.objects.filter(slug__startswith="bench-company-"))
        managed = set()
        bar = Progress("members", count)
        for numbers in chunked(range(count), CHUNK):
            users = []
            for number in numbers:
                first, last = self.person()
                users.append(
                    User(
                        username=f"member{number}",
                        email=f"member{number}@bench.example",
                        first_name=first,
                        last_name=last,
                        password=hashed,
                        date_joined=self.moment(2000),
                    )
                )
            User.objects.bulk_create(users)
            if users[0].pk is None:  # databases that return no keys
                users = list(User.objects.filter(username__in=[u.username for u in users]))
            EmailAddress.objects.bulk_create(
                EmailAddress(user=user, email=user.email, verified=True, primary=True)
                for user in users
            )
            profiles = []
            memberships = []
            for user in users:
                name = f"{user.first_name} {user.last_name}"
                profiles.append(
                    Profile(
                        user=user,
                        display_name=name,
                        search_name=name.casefold(),
                        position=sentence(self.rng, "ru", 3),
                        region=self.rng.choice(ru_regions),
                        languages=["ru", "en"] if self.rng.random() < 0.5 else ["ru"],
                        about=sentence(self.rng, "ru", 30),
                        visibility=self.rng.choices(
                            [Visibility.PUBLIC, Visibility.MEMBERS, Visibility.PRIVATE],
                            [6, 3, 1],
                        )[0],
                        last_seen=self.moment(60),
                    )
                )
                if self.rng.random() < 0.8:
                    company = self.rng.choice(companies)
                    role = Role.MEMBER
                    if company.pk not in managed:
                        managed.add(company.pk)
                        role = Role.MANAGER
                    memberships.append(
                        CompanyMembership(company=company, user=user, role=role, accepted=True)
                    )
            Profile.objects.bulk_create(profiles)
            if profiles[0].pk is None:
                profiles = list(Profile.objects.filter(user__in=users))
            Themes = Profile.themes.through
            Themes.objects.bulk_create(
                Themes(profile_id=profile.pk, topic_id=topic.pk)
                for profile in profiles
                for topic in self.rng.sample(self.topics, self.rng.randint(1, 3))
            )
            CompanyMembership.objects.bulk_create(memberships)
            self.member_ids += [user.pk for user in users]
            bar.advance(len(users))
        return bar.close()

    def library(self):
        from library.models import ArticlePage, CaseStudyPage, ItemType, LibraryIndexPage
        from library.models.pages import ARTICLE_TYPES

        count = self.counts["items"]
        indexes = self.index_pages(LibraryIndexPage)
        children = {code: Children(page) for code, page in indexes.items()}
        article_types = [value for value, _label in ARTICLE_TYPES]
        Themes = ArticlePage.topics.through
        bar = Progress("library items", count)
        for chunk_number, numbers in enumerate(chunked(range(count), CHUNK // 2)):
            pages = {"ru": {ArticlePage: [], CaseStudyPage: []}, "en": {}}
            pages["en"] = {ArticlePage: [], CaseStudyPage: []}
            topics = {}
            for number in numbers:
                key = uuid.uuid4()
                model = CaseStudyPage if self.rng.random() < 0.25 else ArticlePage
                published = self.moment(7000)
                region = self.rng.choice(self.regions["ru"]) if self.rng.random() < 0.7 else None
                item_type = (
                    ItemType.CASE_STUDY
                    if model is CaseStudyPage
                    else self.rng.choice(article_types)
                )
                company = sentence(self.rng, "ru", 2).capitalize()
                topics[key] = self.rng.sample(self.topics, self.rng.randint(1, 3))
                for code in ("ru", "en"):
                    text = [{"type": "paragraph", "value": self.paragraph(code, 80, 160)}]
                    fields = {
                        "title": sentence(self.rng, code, self.rng.randint(4, 9)).capitalize(),
                        "slug": f"item-{number}",
                        "locale": self.locales[code],
                        "translation_key": key,
                        "live": True,
                        "first_published_at": published,
                        "last_published_at": published,
                        "item_type": item_type,
                        "summary": sentence(self.rng, code, 25).capitalize() + ".",
                        "publication_date": published.date(),
                        "authors": " ".join(self.person()),
                        "region": region and self.translated_region(region, code),
                    }
                    if model is CaseStudyPage:
                        fields |= {"company_name": company, "situation": text, "results": text}
                    else:
                        fields["body"] = text
                    pages[code][model].append(model(**fields))
            # Half the items were written in English first: their English
            # page is the older one.
            order = ("ru", "en") if chunk_number % 2 == 0 else ("en", "ru")
            links = []
            for code in order:
                for batch in pages[code].values():
                    children[code].add(batch)
                    content_type = batch[0].content_type_id if batch else None
                    for page in batch:
                        self.item_pages.append((content_type, page.pk))
                        links += [
                            Themes(libraryitempage_id=page.pk, topic_id=topic.pk)
                            for topic in topics[page.translation_key]
                        ]
            Themes.objects.bulk_create(links)
            bar.advance(len(numbers))
        for child in children.values():
            child.finish()
        return bar.close()

    def paragraph(self, code, low, high):
        return f"<p>{sentence(self.rng, code, self.rng.randint(low, high)).capitalize()}.</p>"

    def events(self):
        from rusmeco_events.choices import EventKind, RegistrationStatus, TrainingFormat
        from rusmeco_events.models import EventIndexPage, EventPage, Registration

        count = self.counts["events"]
        indexes = self.index_pages(EventIndexPage)
        children = {code: Children(page) for code, page in indexes.items()}
        Themes = EventPage.topics.through
        per_event = self.spread(self.counts["registrations"], count, len(self.member_ids))
        bar = Progress("events", count)
        for chunk_number, numbers in enumerate(chunked(range(count), CHUNK // 2)):
            pages = {"ru": [], "en": []}
            topics = {}
            for number in numbers:
                key = uuid.uuid4()
                # Three years back, one year ahead.
                start = self.moment(3 * 365, 365).replace(minute=0, second=0, microsecond=0)
                kind = self.rng.choice(list(EventKind))
                region = self.rng.choice(self.regions["ru"])
                if kind == EventKind.ONLINE and self.rng.random() < 0.5:
                    region = None
                topics[key] = self.rng.sample(self.topics, self.rng.randint(1, 2))
                for code in ("ru", "en"):
                    pages[code].append(
                        EventPage(
                            title=sentence(self.rng, code, self.rng.randint(3, 7)).capitalize(),
                            slug=f"event-{number}",
                            locale=self.locales[code],
                            translation_key=key,
                            live=True,
                            first_published_at=start - datetime.timedelta(days=30),
                            last_published_at=start - datetime.timedelta(days=30),
                            kind=kind,
                            training_format=(
                                self.rng.choice(list(TrainingFormat))
                                if kind == EventKind.TRAINING
                                else ""
                            ),
                            start=start,
                            end=start + datetime.timedelta(hours=self.rng.choice([2, 3, 8])),
                            region=region and self.translated_region(region, code),
                            venue=sentence(self.rng, code, 3) if kind != EventKind.ONLINE else "",
                            summary=sentence(self.rng, code, 20).capitalize() + ".",
                            body=[{"type": "paragraph", "value": self.paragraph(code, 60, 120)}],
                            capacity=self.rng.choice([None, 100, 200]),
                        )
                    )
            order = ("ru", "en") if chunk_number % 2 == 0 else ("en", "ru")
            links, registrations = [], []
            for code in order:
                children[code].add(pages[code])
                for page in pages[code]:
                    links += [
                        Themes(eventpage_id=page.pk, topic_id=topic.pk)
                        for topic in topics[page.translation_key]
                    ]
            # Registrations belong to the event's first page (its seats).
            for page in pages[order[0]]:
                members = self.rng.sample(self.member_ids, next(per_event))
                for user_id in members:
                    registered = page.start - datetime.timedelta(days=self.rng.uniform(1, 60))
                    registrations.append(
                        Registration(
                            event_id=page.pk,
                            user_id=user_id,
                            status=RegistrationStatus.CONFIRMED,
                            language=self.rng.choice(("ru", "en")),
                            registered_at=registered,
                            confirmed_at=registered,
                        )
                    )
            Themes.objects.bulk_create(links)
            Registration.objects.bulk_create(registrations, batch_size=CHUNK)
            bar.advance(len(numbers))
        for child in children.values():
            child.finish()
        return bar.close()

    def spread(self, total, parts, most):
        """`parts` numbers adding up to `total`, none above `most`."""
        base, extra = divmod(total, parts)
        for part in range(parts):
            yield min(most, base + (1 if part < extra else 0))

    def comments(self):
        from django.conf import settings
        from django.contrib.auth.models import User
        from django.db.models import F
        from django_comments_xtd.models import XtdComment

        count = self.counts["comments"] // 2
        members = User.objects.filter(pk__in=self.member_ids)
        names = {
            pk: (f"{first} {last}", email)
            for pk, first, last, email in members.values_list(
                "pk", "first_name", "last_name", "email"
            ).iterator()
        }
        bar = Progress("library comments", count)
        for numbers in chunked(range(count), CHUNK * 2):
            comments = []
            for _number in numbers:
                content_type, page_id = self.rng.choice(self.item_pages)
                user_id = self.rng.choice(self.member_ids)
                name, email = names[user_id]
                comments.append(
                    XtdComment(
                        content_type_id=content_type,
                        object_pk=str(page_id),
                        site_id=settings.SITE_ID,
                        user_id=user_id,
                        user_name=name,
                        user_email=email,
                        user_url="",
                        comment=sentence(self.rng, self.rng.choice(("ru", "en")), 30),
                        submit_date=self.moment(2000),
                        is_public=True,
                        is_removed=False,
                        thread_id=0,
                        parent_id=0,
                        level=0,
                        order=1,
                        followup=False,
                        nested_count=0,
                    )
                )
            insert(comments)
            bar.advance(len(comments))
        # A comment that starts a thread is its own thread and parent.
        XtdComment.objects.filter(thread_id=0).update(
            thread_id=F("comment_ptr_id"), parent_id=F("comment_ptr_id")
        )
        return bar.close()

    def forums(self):
        from django.db import connection

        from forums.models import BoardPage, Post, Topic

        count = self.counts["comments"] - self.counts["comments"] // 2
        boards = list(
            BoardPage.objects.filter(locale=self.locales["ru"]).values_list(
                "translation_key", flat=True
            )
        )
        busy = boards[0]
        bar = Progress("forum posts", count)
        written = 0
        while written < count:
            topics, bodies = [], []
            while written < count and len(bodies) < CHUNK * 2:
                language = self.rng.choice(("ru", "en"))
                board = busy if self.rng.random() < BUSY_BOARD_SHARE else self.rng.choice(boards)
                started = self.moment(1500)
                posts = min(count - written, self.rng.randint(1, 2 * POSTS_PER_TOPIC - 1))
                topics.append(
                    Topic(
                        board_key=board,
                        title=sentence(self.rng, language, 6).capitalize() + "?",
                        language=language,
                        author_id=self.rng.choice(self.member_ids),
                        created_at=started,
                        last_activity_at=started,
                        reply_count=posts - 1,
                    )
                )
                when = started
                for _post in range(posts):
                    text = sentence(self.rng, language, self.rng.randint(10, 60)).capitalize()
                    bodies.append((len(topics) - 1, text, when))
                    when += datetime.timedelta(minutes=self.rng.randint(5, 3000))
                topics[-1].last_activity_at = when
                written += posts
            # Written as they are: the dates are not "now".
            insert(topics)
            insert(
                [
                    Post(
                        topic_id=topics[topic_at].pk,
                        author_id=self.rng.choice(self.member_ids),
                        body=text,
                        html=f"<p>{text}.</p>\n",
                        created_at=when,
                    )
                    for topic_at, text, when in bodies
                ]
            )
            bar.advance(len(bodies))
        # The last post of each topic, which the board's listing shows.
        table, posts_table = Topic._meta.db_table, Post._meta.db_table
        with connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET last_post_id = (SELECT MAX(p.id) FROM {posts_table} p "  # noqa: S608
                f"WHERE p.topic_id = {table}.id) WHERE last_post_id IS NULL"
            )
        return bar.close()


def database_size():
    """The database's size on disk, in MB."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0] / 2**20
    return Path(connection.settings_dict["NAME"]).stat().st_size / 2**20


def check(out=sys.stdout):
    """Request a page of each kind in both languages; return the failures."""
    from django.test import Client

    from community.models import PeopleIndexPage, Profile
    from community.models.profiles import Visibility
    from forums.models import BoardPage
    from library.models import LibraryIndexPage, LibraryItemPage
    from rusmeco_events.models import EventIndexPage, EventPage

    client = Client()
    urls = []
    for code in ("ru", "en"):
        library = LibraryIndexPage.objects.get(locale__language_code=code)
        item = LibraryItemPage.objects.filter(locale=library.locale, slug__startswith="item-")
        events = EventIndexPage.objects.get(locale__language_code=code)
        event = EventPage.objects.filter(locale=library.locale, slug__startswith="event-")
        people = PeopleIndexPage.objects.get(locale__language_code=code)
        profile = Profile.objects.filter(visibility=Visibility.PUBLIC).order_by("-pk").first()
        board = BoardPage.objects.filter(locale=library.locale).order_by("path").first()
        word = "компании" if code == "ru" else "companies"
        urls += [
            f"/{code}/",
            library.url,
            item.order_by("-pk").first().url,
            events.url,
            events.url + "calendar/",
            event.order_by("-pk").first().url,
            people.url,
            people.url + people.reverse_subpage("member", args=[profile.pk]),
            f"/{code}/search/?q={word}",
            board.url,
        ]
    failures = []
    for url in urls:
        began = time.perf_counter()
        status = client.get(url).status_code
        print(f"  {status} {1000 * (time.perf_counter() - began):7.0f} ms  {url}", file=out)
        if status != 200:
            failures.append((url, status))
    return failures


def generate(counts, seed, password):
    """Write the bulk content on top of the demo content; return the
    timings of each phase."""
    from django.db import transaction

    generator = Generator(counts, seed, password)
    timings = {}
    for phase in ("members", "library", "events", "comments", "forums"):
        with transaction.atomic():
            timings[phase] = getattr(generator, phase)()
    return timings


def main(argv=None):
    args = parse_args(argv)
    counts = figures(args)
    url = prepare_database(args.database, "data")

    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    print(f"Database: {connection.vendor} ({url.split('@')[-1]})")
    print("Generating: " + ", ".join(f"{value:,} {name}" for name, value in counts.items()))
    timings = {}
    began = time.perf_counter()
    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0)
    timings["migrate and demo content"] = time.perf_counter() - began
    timings |= generate(counts, args.seed, args.password)
    began = time.perf_counter()
    build_index()
    timings["search index"] = time.perf_counter() - began
    began = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")
    timings["analyze"] = time.perf_counter() - began
    print("\nPhase timings:")
    for phase, seconds in timings.items():
        print(f"  {phase:26} {seconds:8.1f} s")
    print(f"  {'total':26} {sum(timings.values()):8.1f} s")
    print(f"Database size: {database_size():,.0f} MB")
    if args.check:
        print("Pages:")
        failures = check()
        if failures:
            sys.exit(f"{len(failures)} page(s) did not serve.")
    if args.database:
        print(f"The database stays in place: {url}")


if __name__ == "__main__":
    main()
