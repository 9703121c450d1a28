"""Are the interface's message catalogues complete?

Interface strings are written in English in the code (msgids are English:
an English page shows the msgid itself, so an app needs no en catalogue
except to override a wording) and translated into Russian in the app's
<app>/locale/ru/LC_MESSAGES/django.po; strings of the project's own
templates/, portal/ and of apps without a locale directory belong to the
project's locale/ru/LC_MESSAGES/django.po.

find_problems() extracts every current interface string the way Django's
makemessages does (xgettext on the Python code and on the templates turned
into Python), but in a temporary copy of the sources, so the repository's
files are never touched, and compares them with the catalogues. A problem is
a string that is:

- missing from the Russian catalogue its file belongs to (or present without
  its plural form);
- translated with an empty msgstr, or with a plural form left empty or
  missing (the catalogue's header says how many forms Russian has);
- marked fuzzy (gettext ignores fuzzy entries: the page shows English);
- not English in the code (a msgid with Cyrillic letters: the English page
  would show Russian);
- translated with a %(name)s placeholder the code does not give (the page
  would fail with a KeyError);
- or written twice in a catalogue (msgfmt refuses such a catalogue).

An en catalogue, where an app keeps one, must have no fuzzy entries and no
Cyrillic in its translations. Entries of a catalogue that the code no longer
uses, and obsolete (#~) entries, are harmless (gettext never shows them) and
are not problems: they are counted in the summary so they can be swept.
"""

import os
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import polib
from django.apps import apps
from django.core.management import call_command
from django.core.management.commands import makemessages
from django.test.utils import override_settings

# Interface languages whose catalogues must be complete; English is the
# language of the msgids.
TRANSLATED_LANGUAGES = ("ru",)
SOURCE_EXTENSIONS = {"django": (".py", ".html", ".txt"), "djangojs": (".js",)}
# Directories that hold no interface strings: tests say strings to assert
# them, benchmarks and deployment files are not the portal's interface.
SKIPPED_DIRS = {"tests", "bench", "deploy", "media", "staticfiles", "node_modules", "migrations"}
# templates/<folder>/ whose strings belong to an app of another name
# (allauth's account templates are the community app's pages).
TEMPLATE_CATALOGUES = {"account": "community"}
CYRILLIC = re.compile(r"[\u0400-\u04ff]")
PLACEHOLDER = re.compile(r"%\((\w+)\)[-#0 +]*\d*(?:\.\d+)?[sdifrxXeEgGcoa%]")


@dataclass(frozen=True, order=True)
class Problem:
    catalogue: str  # the .po file to edit, relative to the project
    msgid: str
    reason: str
    used_in: str = ""  # where the code uses the string (file:line)
    msgctxt: str = ""

    def __str__(self):
        context = f' (context "{self.msgctxt}")' if self.msgctxt else ""
        where = f"\n    used in {self.used_in}" if self.used_in else ""
        return f'{self.catalogue}: {self.reason}: "{self.msgid}"{context}{where}'


@dataclass
class Report:
    problems: list
    strings: int = 0
    unused: int = 0
    obsolete: int = 0


class _Extractor(makemessages.Command):
    """makemessages that only builds the .pot files (kept), merging nothing."""

    def write_po_file(self, potfile, locale):
        pass


def _template_owner(root: Path, folder: str) -> str:
    """The app whose catalogue holds the strings of templates/<folder>/."""
    folder = TEMPLATE_CATALOGUES.get(folder, folder)
    if (root / folder / "locale").is_dir():
        return folder
    try:
        app = apps.get_app_config(folder)
    except LookupError:
        return ""
    path = Path(app.path)
    if path.parent == root and (path / "locale").is_dir():
        return path.name
    return ""


def _copy_sources(root: Path, destination: Path, domain: str) -> dict:
    """Copy the files makemessages reads (and every locale directory, empty).

    The project's templates/<app>/ go beside the app's own sources, so that
    makemessages gives their strings to the app's catalogue. Returns the
    copied paths that differ from the originals: {copy's path: original}.
    """
    extensions = SOURCE_EXTENSIONS[domain]
    moved = {}
    for dirpath, dirnames, filenames in os.walk(root):
        here = Path(dirpath)
        relative = here.relative_to(root)
        dirnames[:] = sorted(
            name
            for name in dirnames
            if not name.startswith(".") and name not in SKIPPED_DIRS and name != "__pycache__"
        )
        if "locale" in dirnames:
            dirnames.remove("locale")
            (destination / relative / "locale").mkdir(parents=True, exist_ok=True)
        target_dir = relative
        if relative.parts[:1] == ("templates",) and len(relative.parts) > 1:
            owner = _template_owner(root, relative.parts[1])
            if owner:
                target_dir = Path(owner, "project-templates", *relative.parts[1:])
        for filename in filenames:
            if filename.endswith(extensions):
                target = destination / target_dir / filename
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copyfile(here / filename, target)
                if target_dir != relative:
                    moved[str(target_dir / filename)] = str(relative / filename)
    return moved


@contextmanager
def _inside(directory: Path):
    previous = os.getcwd()
    os.chdir(directory)
    try:
        yield
    finally:
        os.chdir(previous)


def extract(root: Path, domain: str = "django") -> dict:
    """The interface strings of the sources under root, by locale directory:
    {locale dir relative to root: polib catalogue of the strings (a .pot)}."""
    root = Path(root).resolve()
    with tempfile.TemporaryDirectory(prefix="catalogues-") as temporary:
        copy = Path(temporary)
        moved = _copy_sources(root, copy, domain)
        (copy / "locale").mkdir(exist_ok=True)
        with (
            _inside(copy),
            override_settings(LOCALE_PATHS=[], MEDIA_ROOT="", STATIC_ROOT=None),
        ):
            call_command(
                _Extractor(),
                locale=[TRANSLATED_LANGUAGES[0]],
                domain=domain,
                keep_pot=True,
                verbosity=0,
            )
        templates = {}
        for pot in sorted(copy.rglob(f"locale/{domain}.pot")):
            relative = pot.parent.relative_to(copy)
            template = polib.pofile(str(pot))
            for entry in template:
                entry.occurrences = [
                    (moved.get(path, path), line) for path, line in entry.occurrences
                ]
            templates[relative] = template
        return templates


def _key(entry):
    return (entry.msgctxt or "", entry.msgid)


def _nplurals(catalogue) -> int:
    match = re.search(r"nplurals\s*=\s*(\d+)", catalogue.metadata.get("Plural-Forms", ""))
    return int(match.group(1)) if match else 2


def _translations(entry):
    if entry.msgid_plural:
        return [entry.msgstr_plural[index] for index in sorted(entry.msgstr_plural)]
    return [entry.msgstr]


def _used_in(entry) -> str:
    places = [f"{path}:{line}" for path, line in entry.occurrences[:3]]
    more = len(entry.occurrences) - len(places)
    return ", ".join(places) + (f" and {more} more" if more > 0 else "")


def _check_entry(entry, found, catalogue, path) -> list:
    problems = []
    used_in = _used_in(entry)

    def problem(reason):
        problems.append(Problem(path, entry.msgid, reason, used_in, entry.msgctxt or ""))

    if CYRILLIC.search(entry.msgid + (entry.msgid_plural or "")):
        problem("the code's string is not English (msgids are English)")
    if found is None:
        problem("missing translation (add an entry)")
        return problems
    if "fuzzy" in found.flags:
        problem("fuzzy translation (check it, then remove the fuzzy flag)")
    if entry.msgid_plural and not found.msgid_plural:
        problem(f'missing plural form (msgid_plural "{entry.msgid_plural}")')
        return problems
    translations = _translations(found)
    if entry.msgid_plural and len(translations) != _nplurals(catalogue):
        problem(f"{len(translations)} plural forms, the header says {_nplurals(catalogue)}")
    if any(not text.strip() for text in translations):
        problem("empty translation" if not entry.msgid_plural else "empty plural form")
    given = set(PLACEHOLDER.findall(entry.msgid + (entry.msgid_plural or "")))
    for text in translations:
        unknown = set(PLACEHOLDER.findall(text)) - given
        if unknown:
            names = ", ".join(f"%({name})s" for name in sorted(unknown))
            problem(f"translation uses {names}, which the code does not give")
            break
    return problems


def find_problems(root: Path, domains=("django", "djangojs")) -> Report:
    root = Path(root).resolve()
    report = Report(problems=[])
    for domain in domains:
        extracted = extract(root, domain)
        for language in TRANSLATED_LANGUAGES:
            catalogues = {}  # every catalogue of the language: Django merges them
            for locale_dir in sorted({*extracted, *locale_dirs(root)}):
                path = locale_dir / language / "LC_MESSAGES" / f"{domain}.po"
                if (root / path).exists():
                    catalogue = polib.pofile(str(root / path))
                    catalogues[str(path)] = catalogue
                    report.problems.extend(_duplicates(catalogue, str(path)))
            translated = {}
            for path, catalogue in reversed(catalogues.items()):
                for entry in catalogue:
                    if not entry.obsolete:
                        translated[_key(entry)] = (path, catalogue, entry)
            used = set()
            for locale_dir, template in extracted.items():
                path = str(locale_dir / language / "LC_MESSAGES" / f"{domain}.po")
                own = catalogues.get(path)
                own_entries = {_key(e): e for e in own if not e.obsolete} if own else {}
                for entry in (entry for entry in template if entry.msgid):
                    report.strings += 1
                    key = _key(entry)
                    used.add(key)
                    found = own_entries.get(key)
                    if found:
                        where, catalogue = path, own
                    elif key in translated:
                        where, catalogue, found = translated[key]
                    else:
                        where, catalogue, found = path, own, None
                    report.problems.extend(_check_entry(entry, found, catalogue, where))
            for catalogue in catalogues.values():
                report.unused += sum(
                    1 for e in catalogue if not e.obsolete and e.msgid and _key(e) not in used
                )
                report.obsolete += len(catalogue.obsolete_entries())
        for locale_dir in locale_dirs(root):
            english = root / locale_dir / "en" / "LC_MESSAGES" / f"{domain}.po"
            if english.exists():
                report.problems.extend(_check_english(english, root))
    report.problems = sorted(set(report.problems))
    return report


def _duplicates(catalogue, path: str) -> list:
    """An entry written twice (a merge of two branches often does that):
    msgfmt refuses the catalogue, and only one of the two would be shown."""
    seen, problems = set(), []
    for entry in catalogue:
        if entry.obsolete or not entry.msgid:
            continue
        if _key(entry) in seen:
            problems.append(
                Problem(
                    path, entry.msgid, "entry written twice (keep one)", "", entry.msgctxt or ""
                )
            )
        seen.add(_key(entry))
    return problems


def locale_dirs(root: Path) -> list:
    """Where the portal keeps its catalogues, relative to `root`: the
    project's locale/ and each app's <app>/locale/ (also what
    `manage.py compile_catalogues` compiles)."""
    return [Path("locale"), *(path.relative_to(root) for path in sorted(root.glob("*/locale")))]


def _check_english(path: Path, root: Path) -> list:
    """An en catalogue only overrides wordings: no fuzzy, no Russian."""
    problems = []
    relative = str(path.relative_to(root))
    for entry in polib.pofile(str(path)):
        if entry.obsolete or not entry.msgid:
            continue
        if "fuzzy" in entry.flags:
            problems.append(
                Problem(relative, entry.msgid, "fuzzy translation", "", entry.msgctxt or "")
            )
        if any(CYRILLIC.search(text) for text in _translations(entry)):
            problems.append(Problem(relative, entry.msgid, "Russian in the English catalogue"))
    return problems
