"""Memory benchmark: how much a gunicorn worker holds once it has served
every kind of public page.

    .venv/bin/python bench/memory.py                       # SQLite, 2 workers
    .venv/bin/python bench/memory.py --rounds 10 --preload
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
the pages they have not written to with the master; with `--preload` the
master loads the portal before forking (gunicorn's preload_app), so more
is shared: RSS stays about the same, PSS and USS fall.

Every wait is bounded: the server has `--start-timeout` seconds to answer,
each request `--request-timeout` seconds, and gunicorn is killed if it has
not stopped 30 seconds after being asked to.
"""

import argparse
import contextlib
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
    parser.add_argument("--preload", action="store_true", help="gunicorn's preload_app")
    parser.add_argument("--start-timeout", type=float, default=90.0)
    parser.add_argument("--request-timeout", type=float, default=30.0)
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
    }
    command = [sys.executable, "-m", "gunicorn", "portal.wsgi", "--config", "gunicorn.conf.py",
               "--access-logfile", os.devnull]  # fmt: skip
    if args.preload:
        command.append("--preload")
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
    finally:
        stop(process)
        errors = log_path.read_text()
        if errors.strip():
            print("\ngunicorn's log:\n" + errors[-3000:])
        shutil.rmtree(folder, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
