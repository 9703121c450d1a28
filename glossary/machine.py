"""Machine translation that keeps to the glossary.

Before the text goes to the machine translator, each glossary term in it
(in any inflection, search/text.py) is replaced by the glossary's
translation inside a <glossary-term> element; the translator is asked to
leave that element alone (DeepL: `ignore_tags`; LibreTranslate's HTML mode
passes unknown elements through), and the element is removed from what comes
back. So "интеллектуальной собственности" comes out as "intellectual
property" on every page, as the community writes it.

DeepL glossaries of one's own still work: wagtail-localize passes
`GLOSSARY_IDS` ({("RU", "EN"): "<id>"}) in the translator's OPTIONS on.
"""

import re

from django.utils.html import escape
from wagtail_localize.machine_translators.deepl import DeepLTranslator
from wagtail_localize.machine_translators.libretranslate import LibreTranslator
from wagtail_localize.strings import StringValue

from glossary import lookup
from search import text

TAG = "glossary-term"
TAGS = re.compile(r"(<[^>]*>)")
KEPT = re.compile(rf"</?{TAG}(\s[^>]*)?>")


def protect(html, source_language, target_language, entries=None):
    """`html` with every glossary term replaced by its translation, kept in
    a <glossary-term> element."""
    entries = lookup.entries() if entries is None else entries
    if not entries:
        return html
    parts = TAGS.split(html)
    for index in range(0, len(parts), 2):  # the text between tags
        data = parts[index]
        matches = list(text.WORD.finditer(data))
        if not matches:
            continue
        stems = [text.stem(text.fold(match.group())) for match in matches]
        found = lookup.find(stems, entries, (source_language,))
        if not found:
            continue
        out, position = [], 0
        for start, end, entry, _language in found:
            begin, finish = matches[start].start(), matches[end - 1].end()
            out.append(data[position:begin])
            out.append(f'<{TAG} translate="no">{escape(entry.term(target_language))}</{TAG}>')
            position = finish
        out.append(data[position:])
        parts[index] = "".join(out)
    return "".join(parts)


def unprotect(html):
    return KEPT.sub("", html)


class GlossaryMixin:
    """Put before a wagtail-localize machine translator class."""

    def translate(self, source_locale, target_locale, strings):
        entries = lookup.entries()
        source, target = source_locale.language_code, target_locale.language_code
        sent = {
            string: StringValue(protect(string.data, source, target, entries)) for string in strings
        }
        received = super().translate(
            source_locale, target_locale, list(dict.fromkeys(sent.values()))
        )
        return {string: StringValue(unprotect(received[sent[string]].data)) for string in strings}


class GlossaryDeepLTranslator(GlossaryMixin, DeepLTranslator):
    def get_parameters(self, source_locale, target_locale, strings):
        parameters = super().get_parameters(source_locale, target_locale, strings)
        parameters["ignore_tags"] = TAG
        return parameters


class GlossaryLibreTranslator(GlossaryMixin, LibreTranslator):
    pass
