"""Build the bilingual demo site: `python manage.py load_demo_content`.

Every app contributes its part from its own `demo_content.py` (see
home/demo.py). Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test import override_settings

from home.demo import registered_loaders


class Command(BaseCommand):
    help = "Load the demo content of every app (idempotent)."

    # Each page, image and snippet saved here asks for a search index and a
    # reference index update: some 700 tasks on a fresh database. Queued,
    # they would keep the worker that `make run` starts busy for about half
    # a minute after the site is up (one transaction per task), with search
    # incomplete meanwhile; run at
    # once, inside the loader's transactions, they cost it about 15 seconds
    # on a fresh database and nothing on a second run, and the site is
    # whole when the server starts.
    @override_settings(
        TASKS={"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
    )
    def handle(self, *args, **options):
        for loader in registered_loaders():
            with transaction.atomic():
                loader.function(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
