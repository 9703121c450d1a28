"""Send the weekly or daily digest e-mails (see notifications/digest.py).

    manage.py send_digests                    # the weekly digest of last week
    manage.py send_digests --period daily     # yesterday's daily digest
    manage.py send_digests --dry-run          # print them, send nothing

Run it from cron (README, "Digests"); running it twice for the same period
sends nothing the second time.
"""

import datetime

from django.core.management.base import BaseCommand, CommandError

from notifications.digest import BATCH_SIZE, PERIODS, WEEKLY, send_digests


class Command(BaseCommand):
    help = "Send the weekly or daily digest e-mails to members."

    def add_arguments(self, parser):
        parser.add_argument("--period", choices=PERIODS, default=WEEKLY)
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print each digest's plain text; send and record nothing.",
        )
        parser.add_argument("--batch-size", type=int, default=BATCH_SIZE)
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            help="Send as if today were this day (YYYY-MM-DD), to catch up a missed run.",
        )

    def handle(self, *args, period, dry_run, batch_size, today, **options):
        if batch_size < 1:
            raise CommandError("--batch-size must be at least 1.")
        outcome = send_digests(
            period,
            today=today,
            dry_run=dry_run,
            batch_size=batch_size,
            write=self.stdout.write,
            progress=self.progress,
        )
        if outcome.members and self.stderr.isatty():
            self.stderr.write("")
        done = "would be sent" if dry_run else "sent"
        self.stderr.write(f"{outcome.sent} {period} digests {done} to {outcome.members} members.")

    def progress(self, done, total):
        # One line rewritten in place on a terminal, a line per batch in a log.
        ending = "" if self.stderr.isatty() else "\n"
        self.stderr.write(f"\rmembers {done}/{total}", ending=ending)
        self.stderr.flush()
