"""Fail when an interface string lacks its Russian translation (see
home/catalogues.py for what counts as a problem). Reads the sources and the
catalogues; writes nothing. Needs GNU gettext's xgettext, like Django's
makemessages.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.catalogues import find_problems


class Command(BaseCommand):
    help = (
        "Check that every interface string in the code and templates has a Russian "
        "translation in its catalogue, none of them fuzzy or empty."
    )

    def handle(self, *args, **options):
        report = find_problems(settings.BASE_DIR)
        for problem in report.problems:
            self.stdout.write(str(problem))
        catalogues = sorted({problem.catalogue for problem in report.problems})
        summary = (
            f"{report.strings} interface strings checked; "
            f"{report.unused} catalogue entries no longer used and "
            f"{report.obsolete} obsolete (#~) entries left alone."
        )
        if report.problems:
            self.stdout.write(summary)
            raise CommandError(
                f"{len(report.problems)} problem(s) in {len(catalogues)} catalogue(s): "
                + ", ".join(catalogues)
                + ". Edit these .po files, then run manage.py compile_catalogues."
            )
        self.stdout.write(f"Catalogues complete: {summary}")
