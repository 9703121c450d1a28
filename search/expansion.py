"""A search in all languages also looks for the query in the other
language: each glossary term it contains (glossary/) also matches the
term's translation, and each name also matches its spelling in the other
script (Иванов ↔ Ivanov, search/transliteration.py). A name is a word typed
with a capital letter: spelling every word in the other script would make
"patent" find "патент", which is the glossary's work, not the alphabet's.

The query stays a conjunction of its parts, as a typed query is: a part
is a glossary term or a word, and matches any of its alternatives.
"интеллектуальная собственность патент" becomes
(интеллектуальная собственность | intellectual property) & (патент | patent).
The glossary comes from the cache (glossary/lookup.py), so expanding costs
no query once it is warm, whatever the query.
"""

from dataclasses import dataclass

from modelsearch.query import And, Or, PlainText

from search import text
from search.transliteration import other_script

MAX_ALTERNATIVES = 4


@dataclass
class Expanded:
    query: object  # a string (nothing to add) or a modelsearch query
    stems: list  # the stems to mark in results: the query's and the added ones


def part(alternatives):
    alternatives = list(dict.fromkeys(alternatives))[:MAX_ALTERNATIVES]
    queries = [PlainText(alternative, operator="and") for alternative in alternatives]
    return queries[0] if len(queries) == 1 else Or(queries)


def names_in(typed):
    """The words of `typed` written with a capital letter, folded."""
    return {text.fold(word) for word in text.WORD.findall(typed) if word[:1].isupper()}


def expand(query, typed=""):
    """The query (cleaned words, search/params.py) with the glossary's
    translations of its terms and the other script's spellings of the names
    in `typed` (what was typed, before cleaning)."""
    from glossary import lookup

    words = query.split()
    stems = text.stems(query)
    if not words or len(words) != len(stems):
        return Expanded(query, text.unique_stems(query))
    found = {
        start: (end, entry, language)
        for start, end, entry, language in lookup.find(stems, lookup.entries())
    }
    names = names_in(typed)
    parts, added, position = [], False, 0
    while position < len(words):
        if position in found:
            end, entry, language = found[position]
            other = "en" if language == "ru" else "ru"
            alternatives = [" ".join(words[position:end]), entry.term(other), entry.term(language)]
            position = end
        else:
            word = words[position]
            # Names are folded (ё as е), the cleaned query only lower-cased.
            alternatives = [word, other_script(word) if text.fold(word) in names else None]
            position += 1
        alternatives = [alternative for alternative in alternatives if alternative]
        added = added or len(set(alternatives)) > 1
        parts.append(alternatives)
    if not added:
        return Expanded(query, text.unique_stems(query))
    all_words = " ".join(alternative for alternatives in parts for alternative in alternatives)
    subqueries = [part(alternatives) for alternatives in parts]
    combined = subqueries[0] if len(subqueries) == 1 else And(subqueries)
    return Expanded(combined, text.unique_stems(all_words))
