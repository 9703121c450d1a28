"""The glossary as the portal reads it: from the cache, rebuilt only when a
term or a page's marked terms change (one query, then none).

`entries()` is every term pair with the stems of its forms, for matching
words in any inflection (search/text.py); `marked_for(page)` the terms a
page marks for its readers.
"""

from dataclasses import dataclass

from django.db.models.signals import m2m_changed, post_delete, post_save

from home.caching import Generation, cached
from search import text

GLOSSARY = Generation("glossary")
TIMEOUT = 24 * 3600


@dataclass(frozen=True)
class Entry:
    pk: int
    term_ru: str
    term_en: str
    definition_ru: str
    definition_en: str
    # The stems of the term and of each other form, per language.
    stems_ru: tuple
    stems_en: tuple

    def term(self, language):
        return self.term_en if language == "en" else self.term_ru

    def definition(self, language):
        return self.definition_en if language == "en" else self.definition_ru

    def stems(self, language):
        return self.stems_en if language == "en" else self.stems_ru


def entry_of(term):
    def stems_of(language):
        forms = (tuple(text.stems(form)) for form in term.forms(language))
        return tuple(dict.fromkeys(form for form in forms if form))

    return Entry(
        pk=term.pk,
        term_ru=term.term_ru,
        term_en=term.term_en,
        definition_ru=term.definition_ru,
        definition_en=term.definition_en,
        stems_ru=stems_of("ru"),
        stems_en=stems_of("en"),
    )


def _build_entries():
    from glossary.models import GlossaryTerm

    return [entry_of(term) for term in GlossaryTerm.objects.order_by("pk")]


def entries():
    """Every term pair of the glossary (a list of Entry)."""
    return cached("glossary:entries", _build_entries, GLOSSARY, timeout=TIMEOUT)


def _build_marked(translation_key):
    from glossary.models import MarkedTerms

    ids = set(
        MarkedTerms.terms.through.objects.filter(
            markedterms__page__translation_key=translation_key
        ).values_list("glossaryterm_id", flat=True)
    )
    return [entry for entry in entries() if entry.pk in ids]


def marked_for(page):
    """The terms `page` (or any of its translations) marks for readers."""
    key = str(page.translation_key)
    return cached(f"glossary:marked:{key}", lambda: _build_marked(key), GLOSSARY, timeout=TIMEOUT)


def find(words_stems, entries_list, languages=("ru", "en")):
    """[(start, end, entry, language)] of the terms found in a sequence of
    stems, left to right, the longest form first, not overlapping."""
    found, position = [], 0
    forms = sorted(
        (
            (form, entry, language)
            for entry in entries_list
            for language in languages
            for form in entry.stems(language)
        ),
        key=lambda item: -len(item[0]),
    )
    while position < len(words_stems):
        for form, entry, language in forms:
            end = position + len(form)
            if tuple(words_stems[position:end]) == form:
                found.append((position, end, entry, language))
                position = end
                break
        else:
            position += 1
    return found


def connect():
    from glossary.models import GlossaryTerm, MarkedTerms

    for model in (GlossaryTerm, MarkedTerms):
        post_save.connect(GLOSSARY.advance, sender=model, dispatch_uid=f"glossary-save-{model}")
        post_delete.connect(GLOSSARY.advance, sender=model, dispatch_uid=f"glossary-delete-{model}")
    m2m_changed.connect(
        GLOSSARY.advance, sender=MarkedTerms.terms.through, dispatch_uid="glossary-marked"
    )
