"""The glossary terms of a page being translated, for the translators: the
"Glossary terms on this page" panel under wagtail-localize's translation
editor (templates/wagtail_localize/admin/edit_translation.html).

The terms are found in the source's strings (one query; the glossary
itself comes from the cache), in any inflection, and listed with their
translation in the target language, how many strings use them and the
first string that does.
"""

import html
from dataclasses import dataclass

from django.utils.html import strip_tags
from wagtail_localize.models import String

from glossary import lookup
from search import text

MAX_STRINGS = 2000


@dataclass
class Hint:
    source_term: str
    target_term: str
    definition: str
    count: int
    example: str


def terms_in(strings, source_language, target_language):
    """[Hint] of the glossary terms used in `strings` (texts, maybe HTML)."""
    entries = lookup.entries()
    if not entries:
        return []
    found = {}
    for string in strings:
        # Text as read: no tags, and entities (&amp;, &nbsp;) as characters.
        plain = " ".join(html.unescape(strip_tags(string)).split())
        stems = text.stems(plain)
        seen = set()
        for _start, _end, entry, _language in lookup.find(stems, entries, (source_language,)):
            if entry.pk in seen:
                continue
            seen.add(entry.pk)
            if entry.pk not in found:
                found[entry.pk] = Hint(
                    source_term=entry.term(source_language),
                    target_term=entry.term(target_language),
                    definition=entry.definition(target_language),
                    count=0,
                    example=plain[:160],
                )
            found[entry.pk].count += 1
    return sorted(found.values(), key=lambda hint: hint.source_term.lower())


def for_translation(translation):
    """[Hint] for a wagtail-localize Translation."""
    source = translation.source
    strings = (
        String.objects.filter(segments__source=source)
        .values_list("data", flat=True)
        .distinct()[:MAX_STRINGS]
    )
    return terms_in(
        list(strings),
        source.locale.language_code,
        translation.target_locale.language_code,
    )
