"""The portal's text analysis: Russian and English word forms.

One analyzer serves the whole search: it splits text into words, folds case
(and "ё" into "е"), and reduces each word to its stem with the Snowball
stemmers (PyStemmer) — Russian for words with Cyrillic letters, English for
the rest. The SQLite backend runs it where text enters the index and where
queries are parsed; PostgreSQL's own `russian` configuration does the same
work in the database. The search page uses it once more to mark the matched
words in titles and snippets, whatever form they were typed in.
"""

import re
from functools import lru_cache

import Stemmer
from django.utils.html import escape
from django.utils.safestring import mark_safe

WORD = re.compile(r"[^\W_]+")
CYRILLIC = re.compile("[а-яё]")

_russian = Stemmer.Stemmer("russian")
_english = Stemmer.Stemmer("english")


def fold(word):
    return word.lower().replace("ё", "е")


@lru_cache(maxsize=50_000)
def stem(word):
    """The stem of one word (already folded)."""
    stemmer = _russian if CYRILLIC.search(word) else _english
    return stemmer.stemWord(word)


def words(text):
    return [fold(match) for match in WORD.findall(text or "")]


def stems(text):
    """The stems of the words of `text`, in order."""
    return [stem(word) for word in words(text)]


def stemmed_text(text):
    """`text` as a line of stems, the form the SQLite index stores."""
    return " ".join(stems(text))


def unique_stems(text):
    """The distinct stems of a query, in the order they were typed."""
    return list(dict.fromkeys(stems(text)))


def _marked(text, wanted):
    """HTML of `text`, escaped, with the words whose stem is wanted in <mark>."""
    parts = []
    position = 0
    for match in WORD.finditer(text):
        if stem(fold(match.group())) in wanted:
            parts.append(escape(text[position : match.start()]))
            parts.append(f"<mark>{escape(match.group())}</mark>")
            position = match.end()
    parts.append(escape(text[position:]))
    return "".join(parts)


def highlight(text, query_stems):
    """`text` as safe HTML with the matched words marked."""
    return mark_safe(_marked(text or "", set(query_stems)))  # noqa: S308 (escaped above)


def snippet(text, query_stems, length=240):
    """A passage of about `length` characters from `text` around its first
    matched word, as safe HTML with the matched words marked. Without a
    match, the beginning of the text."""
    text = " ".join((text or "").split())
    wanted = set(query_stems)
    start = 0
    for match in WORD.finditer(text):
        if stem(fold(match.group())) in wanted:
            start = max(0, match.start() - length // 4)
            break
    if start:
        # Begin at a word boundary.
        space = text.find(" ", start)
        start = space + 1 if 0 <= space < match.start() else start
    end = start + length
    if end < len(text):
        space = text.rfind(" ", start, end)
        end = space if space > start else end
    passage = text[start:end]
    html = _marked(passage, wanted)
    prefix = "… " if start > 0 else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(escape(prefix) + html + escape(suffix))  # noqa: S308 (escaped above)
