"""Write the read counts waiting in the cache to the database:
`python manage.py flush_read_counts`, for instance every minute from cron
(see library/reads.py)."""

from django.core.management.base import BaseCommand

from library.reads import flush_reads


class Command(BaseCommand):
    help = "Write the library's read counts waiting in the cache to the database."

    def handle(self, *args, **options):
        written = flush_reads()
        self.stdout.write(f"{written} read(s) written.")
