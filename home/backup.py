"""Backing up the portal and restoring it: the database and the uploaded
files in one .tar.gz archive (`manage.py backup`, `manage.py restore`).

The database is copied with its engine's own tool, which keeps everything
Wagtail stores (page trees, revisions, search indexes) exactly as it is:
pg_dump's custom format on PostgreSQL, restored with pg_restore; SQLite's
online backup API on SQLite, consistent while the site keeps running.
The archive holds `manifest.json` (engine, date), `database.pgdump` or
`database.sqlite3`, and `media/` (everything under MEDIA_ROOT).

A restore goes into a fresh database (created and empty, not migrated) and
refuses one that already has tables, so it never mixes two sites.
"""

import datetime
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.db.utils import load_backend

POSTGRESQL = "postgresql"
SQLITE = "sqlite"


class BackupError(Exception):
    """The backup or restore cannot be done; the message says why."""


def engine_of(database):
    engine = database["ENGINE"]
    if engine.endswith("postgresql"):
        return POSTGRESQL
    if engine.endswith("sqlite3"):
        return SQLITE
    raise BackupError(f"Backups support PostgreSQL and SQLite, not {engine}.")


def back_up(archive, alias="default", media_root=None):
    """Write the database of `alias` and the files under `media_root`
    (MEDIA_ROOT) to the .tar.gz `archive`."""
    connection = connections[alias]
    engine = engine_of(connection.settings_dict)
    media_root = Path(media_root or settings.MEDIA_ROOT)
    with tempfile.TemporaryDirectory(prefix="rusmeco-backup-") as work:
        work = Path(work)
        if engine == POSTGRESQL:
            dump = work / "database.pgdump"
            _run_pg("pg_dump", connection.settings_dict, "--format=custom", f"--file={dump}")
        else:
            dump = work / "database.sqlite3"
            connection.ensure_connection()
            with sqlite3.connect(dump) as copy:
                connection.connection.backup(copy)
            copy.close()
        manifest = work / "manifest.json"
        manifest.write_text(
            json.dumps(
                {
                    "engine": engine,
                    "created": datetime.datetime.now(datetime.UTC).isoformat(),
                    "database": dump.name,
                }
            )
        )
        Path(archive).parent.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(manifest, "manifest.json")
            tar.add(dump, dump.name)
            if media_root.exists():
                tar.add(media_root, "media")
    return Path(archive)


def restore(archive, database=None, media_root=None):
    """Restore `archive` into the fresh database `database` (a settings
    dict; the default database's unless given) and `media_root`
    (MEDIA_ROOT unless given)."""
    database = database or connections["default"].settings_dict
    media_root = Path(media_root or settings.MEDIA_ROOT)
    engine = engine_of(database)
    with tempfile.TemporaryDirectory(prefix="rusmeco-restore-") as work:
        work = Path(work)
        with tarfile.open(archive, "r:gz") as tar:
            tar.extractall(work, filter="data")
        manifest = json.loads((work / "manifest.json").read_text())
        if manifest["engine"] != engine:
            raise BackupError(
                f"This archive holds a {manifest['engine']} database; "
                f"restore it into a {manifest['engine']} database, not {engine}."
            )
        if table_names(database):
            raise BackupError(
                f"The database {database['NAME']} is not empty. Restore into a fresh database."
            )
        dump = work / manifest["database"]
        if engine == POSTGRESQL:
            _run_pg(
                "pg_restore",
                database,
                "--no-owner",
                "--no-privileges",
                "--exit-on-error",
                "--single-transaction",
                str(dump),
            )
        else:
            with sqlite3.connect(dump) as source, sqlite3.connect(database["NAME"]) as target:
                source.backup(target)
            source.close()
            target.close()
        if (work / "media").exists():
            shutil.copytree(work / "media", media_root, dirs_exist_ok=True)


def table_names(database):
    """The tables of the database described by the settings dict."""
    wrapper = load_backend(database["ENGINE"]).DatabaseWrapper(database, alias="backup-check")
    try:
        with wrapper.cursor() as cursor:
            return wrapper.introspection.table_names(cursor)
    finally:
        wrapper.close()


def _run_pg(program, database, *arguments):
    """Run pg_dump or pg_restore against `database` (a settings dict), with
    the connection parameters in the environment, not on the command line."""
    executable = shutil.which(program)
    if executable is None:
        raise BackupError(f"{program} is not installed (Debian package postgresql-client).")
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(key):
            env[variable] = str(database[key])
    result = subprocess.run(  # noqa: S603 - a fixed program, no shell
        [executable, *arguments, f"--dbname={database['NAME']}"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise BackupError(f"{program} failed: {result.stderr.strip()}")
