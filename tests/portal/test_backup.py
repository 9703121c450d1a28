"""`manage.py backup` writes the database and the uploaded files to one
archive; restoring it into a fresh database gives back the same pages,
members and files. On PostgreSQL the restore goes into a scratch database
the test creates and drops; on SQLite into a new file."""

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.db.utils import load_backend
from wagtail.models import Page

from home.backup import restore
from tests.helpers import picture


def files_under(root):
    root = Path(root)
    return {
        str(path.relative_to(root)): path.read_bytes() for path in root.rglob("*") if path.is_file()
    }


def snapshot(cursor):
    """What a restore must give back: pages, revisions, members, profiles."""
    queries = {
        "pages": "SELECT title, url_path, live FROM wagtailcore_page ORDER BY path",
        "revisions": "SELECT COUNT(*) FROM wagtailcore_revision",
        "members": "SELECT username, email, password FROM auth_user ORDER BY username",
        "profiles": "SELECT display_name, photo FROM community_profile ORDER BY id",
    }
    found = {}
    for name, query in queries.items():
        cursor.execute(query)
        found[name] = [tuple(row) for row in cursor.fetchall()]
    return found


@pytest.fixture
def fresh_database(tmp_path):
    """The settings of a fresh, empty database of the test's engine."""
    database = copy.deepcopy(connection.settings_dict)
    if connection.vendor == "sqlite":
        database["NAME"] = str(tmp_path / "restored.sqlite3")
        yield database
        return
    database["NAME"] = f"{connection.settings_dict['NAME']}_restore"
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')
        cursor.execute(f'CREATE DATABASE "{database["NAME"]}"')
    yield database
    with connection.cursor() as cursor:
        cursor.execute(f'DROP DATABASE IF EXISTS "{database["NAME"]}" WITH (FORCE)')


@pytest.mark.django_db(transaction=True)
def test_a_backup_restores_pages_members_and_files(
    migrated_site, about_ru, anna, boris, fresh_database, tmp_path
):
    anna.profile.photo.save("anna.jpg", ContentFile(picture().read()))
    archive = tmp_path / "backups" / "portal.tar.gz"

    call_command("backup", str(archive))
    restored_media = tmp_path / "media"
    restore(archive, database=fresh_database, media_root=restored_media)

    restored = load_backend(fresh_database["ENGINE"]).DatabaseWrapper(fresh_database, "restored")
    try:
        with restored.cursor() as theirs, connection.cursor() as ours:
            copied = snapshot(theirs)
            assert copied == snapshot(ours)
    finally:
        restored.close()
    assert ("О проекте", "/home/about/", True) in copied["pages"]
    assert ("Анна Соколова", anna.profile.photo.name) in copied["profiles"]
    assert files_under(restored_media) == files_under(settings.MEDIA_ROOT)
    assert anna.profile.photo.name in files_under(restored_media)


@pytest.mark.django_db(transaction=True)
def test_restore_refuses_a_database_that_is_not_empty(migrated_site, about_ru, tmp_path):
    archive = tmp_path / "portal.tar.gz"
    call_command("backup", str(archive))

    with pytest.raises(CommandError, match="is not empty. Restore into a fresh database"):
        call_command("restore", str(archive))

    assert Page.objects.filter(title="О проекте").count() == 1
