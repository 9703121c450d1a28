"""`python manage.py restore ARCHIVE`: the database and the uploaded files
of a backup, into a fresh database (see home/backup.py)."""

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, restore


class Command(BaseCommand):
    help = (
        "Restore a backup made with `manage.py backup` into a fresh, empty database "
        "(create it first; do not migrate it) and MEDIA_ROOT."
    )

    def add_arguments(self, parser):
        parser.add_argument("archive", help="the .tar.gz archive written by `manage.py backup`")

    def handle(self, *args, archive, **options):
        try:
            restore(archive)
        except (BackupError, FileNotFoundError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Restored {archive}")
