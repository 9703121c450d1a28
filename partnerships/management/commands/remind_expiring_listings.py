"""Remind the managers of the listings that expire within two weeks
(partnerships/reminders.py). Run daily from cron; running it again the
same day reminds nobody twice."""

from django.core.management.base import BaseCommand

from partnerships.reminders import REMINDER_DAYS, remind_expiring_listings


class Command(BaseCommand):
    help = f"Remind companies' managers of their listings that expire within {REMINDER_DAYS} days."

    def handle(self, *args, **options):
        listings, members = remind_expiring_listings()
        self.stdout.write(f"Reminded of {listings} listing(s): {members} manager(s) told.")
