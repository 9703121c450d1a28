"""Build the bilingual demo site: `python manage.py load_demo_content`.

Every app contributes its part from its own `demo_content.py` (see
home/demo.py). Running it again changes nothing.
"""

from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import registered_loaders


class Command(BaseCommand):
    help = "Load the demo content of every app (idempotent)."

    def handle(self, *args, **options):
        for loader in registered_loaders():
            with transaction.atomic():
                loader.function(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
