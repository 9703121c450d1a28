"""The throwaway database a benchmark runs on, never the development one."""

import atexit
import os
import shutil
import sys
import tempfile


def prepare_database(url, name):
    """Point Django at a benchmark database of its own: a new SQLite file
    in a temporary folder removed at exit, or, for a postgres:// URL whose
    database name contains 'bench', that database dropped and created
    afresh. `name` names the temporary folder."""
    if not url:
        folder = tempfile.mkdtemp(prefix=f"rusmeco-{name}-bench-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        url = f"sqlite:///{folder}/bench.sqlite3"
    elif "bench" not in url.rsplit("/", 1)[-1]:
        sys.exit("The benchmark database's name must contain 'bench'.")
    else:
        import psycopg

        database = url.rsplit("/", 1)[-1]
        admin_url = url.rsplit("/", 1)[0] + "/postgres"
        with psycopg.connect(admin_url, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{database}"')
            connection.execute(f'CREATE DATABASE "{database}"')
    os.environ["DATABASE_URL"] = url
    os.environ["DJANGO_SETTINGS_MODULE"] = "portal.settings.test"
    return url
