"""Write the read counts waiting in the cache to the database:
`python manage.py flush_read_counts`, for instance every minute from cron
(see home/reads.py)."""

from django.core.management.base import BaseCommand

from home.reads import flush_reads


class Command(BaseCommand):
    help = "Write the read counts waiting in the cache to the database."

    def handle(self, *args, **options):
        written = flush_reads()
        self.stdout.write(f"{written} read(s) written.")
