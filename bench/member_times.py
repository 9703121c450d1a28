"""Time the pages bench/load.py measures for a signed-in member, one process,
no gunicorn: per page the median wall and CPU time of warm requests through
Django's test client, the SQL queries and the Redis commands of one request.
The settings are the load test's (bench/load.py, server_environment):
production, DEBUG off, cached templates, Redis.

    createdb -h 127.0.0.1 -U postgres -T rusmeco_bench_1k rusmeco_bench_copy
    .venv/bin/python bench/member_times.py \\
        --database postgres://postgres@127.0.0.1:5432/rusmeco_bench_copy [--repeat 30] [page …]

It writes to the database: the load test's member (added when missing,
with a new password) and a session: point it at a copy of a benchmark
database, never at the one others measure. The Redis
database given (`--redis-db`) is used as a cache, not emptied.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.load import MEMBER_EMAIL, PAGES, collect_static, server_environment  # noqa: E402


def measure(paths, repeat):
    import django

    django.setup()
    import redis.client
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client

    member = get_user_model().objects.filter(email=MEMBER_EMAIL).first()
    if member is None:
        raise SystemExit(f"No {MEMBER_EMAIL}: bench/load.py adds the member to the database.")
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(member)
    commands = []
    execute = redis.client.Redis.execute_command

    def counting(self, *args, **kwargs):
        commands.append(args[0])
        return execute(self, *args, **kwargs)

    redis.client.Redis.execute_command = counting
    for key, path in paths.items():
        for _ in range(3):  # the caches warm, as on the measured server
            response = client.get(path)
        if response.status_code != 200 or b"/accounts/logout/" not in response.content:
            raise SystemExit(f"{path} answered {response.status_code}, or not for the member.")
        queries = []

        def record(run, sql, params, many, context, queries=queries):
            queries.append(sql)
            return run(sql, params, many, context)

        commands.clear()
        with connection.execute_wrapper(record):
            client.get(path)
        redis_commands = len(commands)
        wall, cpu = [], []
        for _ in range(repeat):
            started, started_cpu = time.perf_counter(), time.process_time()
            client.get(path)
            wall.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
        print(
            f"{key:13} {statistics.median(wall) * 1000:7.1f} ms  "
            f"CPU {statistics.median(cpu) * 1000:6.1f} ms  "
            f"{len(queries):3} queries  {redis_commands:3} Redis  {path}"
        )


def page_paths(environment):
    """The load test's URLs (its --_inspect child prints them)."""
    found = subprocess.run(  # noqa: S603 - the load test, no shell
        [sys.executable, str(ROOT / "bench" / "load.py"), "--_inspect", "инновации"],
        cwd=ROOT,
        env=dict(environment, BENCH_MEMBER_PASSWORD=os.urandom(12).hex()),
        capture_output=True,
        text=True,
        check=True,
        timeout=600,
    )
    return json.loads(found.stdout.strip().splitlines()[-1])["urls"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pages", nargs="*", help=", ".join(key for key, _ in PAGES))
    parser.add_argument("--database", required=True, help="postgres://… whose name has 'bench'")
    parser.add_argument("--redis", default="redis://127.0.0.1:6379")
    parser.add_argument("--redis-db", type=int, default=9)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    if "bench" not in args.database.rsplit("/", 1)[-1]:
        raise SystemExit("The database's name must contain 'bench'.")
    folder = tempfile.mkdtemp(prefix="rusmeco-member-times-")
    environment = server_environment(
        args.database, Path(folder) / "static", f"{args.redis}/{args.redis_db}", 60, 0
    )
    collect_static(Path(folder) / "static", environment)
    paths = page_paths(environment)
    os.environ.update(environment)
    chosen = {key: paths[key] for key in (args.pages or paths) if key != "search"}
    measure(chosen, max(args.repeat, 1))


if __name__ == "__main__":
    main()
