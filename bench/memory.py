"""Memory benchmark: how much a gunicorn worker holds once it has served
every kind of public page.

    .venv/bin/python bench/memory.py                       # SQLite, 2 workers
    .venv/bin/python bench/memory.py --rounds 10 --no-preload
    .venv/bin/python bench/memory.py --database \\
        postgres://postgres@127.0.0.1:5432/rusmeco_memory_bench

It never touches the developer's database: SQLite runs in a temporary
folder, and a PostgreSQL database must have "bench" in its name (it is
created when missing and emptied before use). Static and media files go to
temporary folders too.

It migrates, loads the demo content (`load_demo_content`), collects the
static files, then starts gunicorn as production does (`portal.wsgi`,
gunicorn.conf.py, production settings, sync workers) on a free port of
127.0.0.1, with Redis as the cache (`--redis`, database 15 by default so a
trial on database 0 keeps its cache). It warms the workers up: `--rounds`
times, every public page type in Russian and in English (home, library,
a library item, events calendar, an event, people, search, forums, a board,
blogs, partners, a listing, self-assessment, news), once as a visitor and
once as a signed-in demo member. Requests come as from nginx on this
machine (X-Forwarded-Proto: https from 127.0.0.1, a trusted proxy).

It then prints, for the master and each worker, the resident memory
(VmRSS of /proc/<pid>/status: what `top` and `ps` show and what the
issue's limit is about) and, from /proc/<pid>/smaps_rollup, the
proportional (PSS: shared pages split between the processes sharing them)
and unique (USS: pages no other process has) memory. Forked workers share
the pages they have not written to with the master, which loads the portal
before forking (gunicorn's preload_app, gunicorn.conf.py); `--no-preload`
has each worker load it for itself, for comparison.

`--breakdown` then says what the memory is made of: a fresh interpreter with
the same settings and database imports the portal and serves the same
pages (members first, whose pages are never taken from the cache) while
it notes how much resident memory each module adds as its code runs, less
what the modules it imports add. It prints that by top-level package and
the largest modules. What no import accounts for (the interpreter itself,
compiled templates, caches, freed memory malloc keeps) is shown apart.

gunicorn.conf.py sets glibc's mmap threshold, so the large buffers of image
renditions are given back once freed; `GUNICORN_MMAP_THRESHOLD=0` in the
environment shows glibc's own behaviour for comparison.

Every wait is bounded: the server has `--start-timeout` seconds to answer,
each request `--request-timeout` seconds, and gunicorn is killed if it has
not stopped 30 seconds after being asked to.
"""

import argparse
import collections
import contextlib
import importlib.abc
import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.databases import prepare_database  # noqa: E402


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--database", default="", help="postgres://… (name must contain 'bench')")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379/15")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--rounds", type=int, default=5, help="times each page is requested")
    parser.add_argument(
        "--no-preload", dest="preload", action="store_false", help="without gunicorn's preload_app"
    )
    parser.add_argument("--start-timeout", type=float, default=90.0)
    parser.add_argument("--request-timeout", type=float, default=30.0)
    parser.add_argument(
        "--breakdown", action="store_true", help="what the memory is made of, by package"
    )
    # The fresh interpreter of --breakdown.
    parser.add_argument("--breakdown-child", action="store_true", help=argparse.SUPPRESS)
    return parser.parse_args()


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def production_environment(args, folder, port):
    """The variables production settings refuse to start without, and the
    throwaway folders."""
    return {
        "DJANGO_SETTINGS_MODULE": "portal.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "REDIS_URL": args.redis,
        "WAGTAILADMIN_BASE_URL": f"https://127.0.0.1:{port}",
        "STATIC_ROOT": str(Path(folder) / "static"),
        "MEDIA_ROOT": str(Path(folder) / "media"),
        "TRUSTED_PROXIES": "127.0.0.1,::1",
        "LOG_LEVEL": "WARNING",
    }


def prepare_site():
    """Migrate, load the demo content, collect the static files; return the
    paths to warm up with and a signed-in demo member's session cookie."""
    import django
    from django.core.management import call_command

    django.setup()
    # The demo's workflow e-mails go to the console backend: not shown.
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        call_command("migrate", verbosity=0, interactive=False)
        call_command("load_demo_content", stdout=quiet)
        call_command("collectstatic", verbosity=0, interactive=False)

    from django.conf import settings
    from django.contrib.auth import get_user_model
    from django.test import Client
    from wagtail.models import Page

    from assessments.models import AssessmentPage
    from blogs.models import BlogIndexPage
    from community.models.pages import PeopleIndexPage
    from community.models.regions import NewsPage
    from forums.models.pages import BoardPage, ForumIndexPage
    from home.models import HomePage
    from library.models.pages import LibraryIndexPage, LibraryItemPage
    from partnerships.models.pages import ListingPage, PartnershipsIndexPage
    from rusmeco_events.models.pages import EventIndexPage, EventPage

    page_types = [HomePage, LibraryIndexPage, LibraryItemPage, EventIndexPage, EventPage,
                  PeopleIndexPage, ForumIndexPage, BoardPage, BlogIndexPage,
                  PartnershipsIndexPage, ListingPage, AssessmentPage, NewsPage]  # fmt: skip
    paths, missing = [], []
    for language in ("ru", "en"):
        for page_type in page_types:
            page = (
                page_type.objects.live().public().filter(locale__language_code=language)
                .order_by("path").first()
            )  # fmt: skip
            if page is None:
                missing.append(f"{page_type.__name__} ({language})")
            else:
                paths.append(Page.objects.get(pk=page.pk).get_url())
        word = quote("инновации" if language == "ru" else "innovation")
        paths.append(f"/{language}/search/?q={word}")
    if missing:
        print("No live page for:", ", ".join(missing))

    member = get_user_model().objects.filter(profile__isnull=False, is_staff=False).first()
    client = Client()
    client.force_login(member)
    return paths, {settings.SESSION_COOKIE_NAME: client.cookies[settings.SESSION_COOKIE_NAME].value}


def request(port, path, cookies, timeout):
    headers = {"Host": "127.0.0.1", "X-Forwarded-Proto": "https"}
    if cookies:
        headers["Cookie"] = "; ".join(f"{name}={value}" for name, value in cookies.items())
    opener = urllib.request.build_opener(NoRedirect)
    try:
        with opener.open(
            urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=headers),
            timeout=timeout,
        ) as response:
            response.read()
            return response.status
    except urllib.error.HTTPError as error:
        return error.code
    except OSError:
        return None


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def children(pid):
    """gunicorn's workers: the processes whose parent is the master."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces and brackets: the fields after it
        # start after the last ")".
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return sorted(found)


def memory(pid):
    """Resident, proportional and unique memory in MB."""
    values = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            values["rss"] = int(line.split()[1])
    rollup = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]:
        name, value = line.split(":", 1)
        rollup[name] = int(value.split()[0])
    values["pss"] = rollup["Pss"]
    values["uss"] = rollup["Private_Clean"] + rollup["Private_Dirty"]
    return {name: kilobytes / 1024 for name, kilobytes in values.items()}


def resident_bytes():
    with open("/proc/self/statm") as statm:
        return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


class MeasuringFinder(importlib.abc.MetaPathFinder):
    """Finds modules as the other finders do and hands them to a loader
    that measures them: `exclusive` is the resident memory each module
    added while its code ran, less what the modules it imported added."""

    def __init__(self):
        self.exclusive = collections.Counter()
        self.running = []

    def find_spec(self, name, path, target=None):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None:
                break
        else:
            return None
        if spec.loader is not None and hasattr(spec.loader, "exec_module"):
            spec.loader = MeasuredLoader(spec.loader, self)
        return spec


class MeasuredLoader(importlib.abc.Loader):
    def __init__(self, loader, finder):
        self.loader = loader
        self.finder = finder

    def __getattr__(self, name):
        # Resource readers and the like are the real loader's.
        return getattr(self.loader, name)

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def exec_module(self, module):
        running = self.finder.running
        started = resident_bytes()
        running.append(0)
        try:
            self.loader.exec_module(module)
        finally:
            imported = running.pop()
            added = resident_bytes() - started
            self.finder.exclusive[module.__name__] += added - imported
            if running:
                running[-1] += added


def breakdown_child():
    """Run in a fresh interpreter by --breakdown: paths and cookies come on
    standard input; prints the memory by package."""
    finder = MeasuringFinder()
    sys.meta_path.insert(0, finder)
    site = json.load(sys.stdin)
    before = resident_bytes()

    from django.test import Client

    from portal.wsgi import application  # noqa: F401 (the start-up being measured)

    for cookies in (site["cookies"], None):
        # As from nginx on this machine, like the requests to gunicorn.
        client = Client(HTTP_X_FORWARDED_PROTO="https", REMOTE_ADDR="127.0.0.1")
        for name, value in (cookies or {}).items():
            client.cookies[name] = value
        for path in site["paths"]:
            client.get(path, HTTP_HOST="127.0.0.1", secure=True)

    total = resident_bytes()
    packages = collections.Counter()
    modules = collections.Counter()
    for name, added in finder.exclusive.items():
        package = name.split(".")[0].lstrip("_") or name
        packages[package] += added
        modules[package] += 1
    mb = 2**20
    print(f"\nResident memory of the interpreter that served the pages: {total / mb:.1f} MB")
    print(f"  {before / mb:6.1f} MB  the interpreter and this script, before the portal")
    accounted = sum(packages.values())
    print(f"  {accounted / mb:6.1f} MB  added while modules ran, by package "
          f"({len(finder.exclusive)} modules):")  # fmt: skip
    for package, added in packages.most_common(25):
        print(f"    {added / mb:6.1f} MB  {package} ({modules[package]} modules)")
    rest = sum(added for package, added in packages.most_common()[25:])
    print(f"    {rest / mb:6.1f} MB  the other {max(len(packages) - 25, 0)} packages")
    print(f"  {(total - before - accounted) / mb:6.1f} MB  the rest: compiled templates, "
          "URL patterns, caches, freed memory malloc keeps")  # fmt: skip
    print("\nLargest modules (their code and what it builds, not the modules they import):")
    for name, added in finder.exclusive.most_common(12):
        print(f"    {added / mb:6.1f} MB  {name}")


def wait_until_up(port, process, timeout):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            sys.exit("gunicorn stopped before it answered.")
        if request(port, "/healthz", None, 2) == 200:
            return
        time.sleep(0.5)
    sys.exit(f"gunicorn did not answer /healthz within {timeout:.0f} seconds.")


def stop(process):
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def main():
    args = parse_args()
    if args.breakdown_child:
        breakdown_child()
        return 0
    prepare_database(args.database, "memory")
    folder = tempfile.mkdtemp(prefix="rusmeco-memory-bench-files-")
    port = free_port()
    environment = production_environment(args, folder, port)
    os.environ.update(environment)

    started = time.monotonic()
    paths, member_cookies = prepare_site()
    print(f"Site ready in {time.monotonic() - started:.0f} s: {len(paths)} pages to warm up with.")

    server_environment = {
        **os.environ,
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": str(args.workers),
        "GUNICORN_LOG_LEVEL": "warning",
        "GUNICORN_PRELOAD": "true" if args.preload else "false",
    }
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--config", "gunicorn.conf.py",
               "--access-logfile", os.devnull]  # fmt: skip
    log_path = Path(folder) / "gunicorn.log"
    with open(log_path, "w") as log:
        process = subprocess.Popen(  # noqa: S603 (our own interpreter and arguments)
            command, cwd=ROOT, env=server_environment, stdout=log, stderr=subprocess.STDOUT
        )
    try:
        wait_until_up(port, process, args.start_timeout)
        statuses = {}
        started = time.monotonic()
        for _ in range(args.rounds):
            for path in paths:
                for who, cookies in (("visitor", None), ("member", member_cookies)):
                    status = request(port, path, cookies, args.request_timeout)
                    statuses.setdefault((status, who), []).append(path)
        total = args.rounds * len(paths) * 2
        print(f"Warm-up: {total} requests in {time.monotonic() - started:.0f} s.")
        for (status, who), failed in sorted(statuses.items(), key=str):
            if status != 200:
                print(f"  {status} for the {who}: {', '.join(sorted(set(failed)))}")
        time.sleep(1)

        print(f"\n{'process':<10}{'pid':>8}{'RSS MB':>10}{'PSS MB':>10}{'USS MB':>10}")
        rows = [("master", process.pid)] + [
            (f"worker {number}", pid) for number, pid in enumerate(children(process.pid), 1)
        ]
        for role, pid in rows:
            figures = memory(pid)
            print(f"{role:<10}{pid:>8}{figures['rss']:>10.1f}{figures['pss']:>10.1f}"
                  f"{figures['uss']:>10.1f}")  # fmt: skip
        print(f"(gunicorn {'with' if args.preload else 'without'} preload_app, "
              f"{args.workers} sync workers)")  # fmt: skip
        if args.breakdown:
            sys.stdout.flush()
            subprocess.run(  # noqa: S603 (our own interpreter and script)
                [sys.executable, __file__, "--breakdown-child"],
                cwd=ROOT, env=server_environment, check=False, timeout=600,
                input=json.dumps({"paths": paths, "cookies": member_cookies}), text=True,
            )  # fmt: skip
    finally:
        stop(process)
        errors = log_path.read_text()
        if errors.strip():
            print("\ngunicorn's log:\n" + errors[-3000:])
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
