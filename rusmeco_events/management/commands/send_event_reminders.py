"""Remind members of the events they have a seat at, the day before.

Run it once a day from cron (any hour: "tomorrow" is worked out in each
event's own time zone); running it again reminds nobody twice.
"""

from django.core.management.base import BaseCommand

from rusmeco_events.notices import send_reminders


class Command(BaseCommand):
    help = "Remind members with a confirmed seat of the events that start tomorrow."

    def handle(self, *args, **options):
        reminded = send_reminders()
        self.stdout.write(f"{reminded} reminder(s).")
