"""Compile the interface's message catalogues: the project's
(locale/*/LC_MESSAGES/*.po) and those of the project's own apps
(<app>/locale/...).

Django's own `compilemessages` needs GNU gettext's msgfmt on the machine;
this does the same with polib (a dependency of wagtail-localize), so a fresh
machine needs nothing but Python. A catalogue is rebuilt only when its .po
file is newer than its .mo file.
"""

import polib
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.catalogues import locale_dirs


class Command(BaseCommand):
    help = "Compile the project's .po message catalogues into .mo files."

    def handle(self, *args, **options):
        compiled = 0
        for locale_dir in (settings.BASE_DIR / path for path in locale_dirs(settings.BASE_DIR)):
            for po_path in sorted(locale_dir.glob("*/LC_MESSAGES/*.po")):
                mo_path = po_path.with_suffix(".mo")
                if mo_path.exists() and mo_path.stat().st_mtime >= po_path.stat().st_mtime:
                    continue
                try:
                    catalogue = polib.pofile(str(po_path))
                except (OSError, ValueError) as error:
                    raise CommandError(f"{po_path}: {error}") from error
                catalogue.save_as_mofile(str(mo_path))
                compiled += 1
                self.stdout.write(f"compiled {po_path.relative_to(settings.BASE_DIR)}")
        self.stdout.write(f"{compiled} catalogue(s) compiled.")
