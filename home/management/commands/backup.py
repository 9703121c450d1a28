"""`python manage.py backup [ARCHIVE]`: the database and the uploaded files
in one .tar.gz archive (see home/backup.py)."""

import datetime

from django.core.management.base import BaseCommand, CommandError

from home.backup import BackupError, back_up


class Command(BaseCommand):
    help = "Back up the database and the uploaded files (MEDIA_ROOT) into one .tar.gz archive."

    def add_arguments(self, parser):
        stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
        parser.add_argument(
            "archive",
            nargs="?",
            default=f"rusmeco-backup-{stamp}.tar.gz",
            help="where to write the archive (default: rusmeco-backup-<date>-<time>.tar.gz)",
        )

    def handle(self, *args, archive, **options):
        try:
            written = back_up(archive)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Backed up to {written}")
