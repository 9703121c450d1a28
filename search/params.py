"""What the visitor asked for, read from the query string and made safe.

Visitors type words, not query syntax: quotes, asterisks, brackets, a lone
minus, AND/OR/NOT/NEAR and SQL fragments are all read as plain words (or
dropped, for punctuation), so nothing typed can change how the engine
parses the query. A query is cut to MAX_QUERY_LENGTH characters and
MAX_WORDS words; facet values that are not well formed are ignored.
"""

import re
from dataclasses import dataclass, field

from search.text import WORD

MAX_QUERY_LENGTH = 200
MAX_WORDS = 12
FACETS = ("type", "theme", "region", "year")
FACET_VALUE = {
    "type": re.compile(r"^[a-z0-9_]{1,60}\.[a-z0-9_]{1,60}$"),
    "theme": re.compile(r"^[-a-z0-9_]{1,100}$"),
    "region": re.compile(r"^[-a-z0-9_]{1,100}$"),
    "year": re.compile(r"^[12][0-9]{3}$"),
}


@dataclass
class SearchParams:
    typed: str = ""
    query: str = ""
    shortened: bool = False
    all_languages: bool = False
    facets: dict = field(default_factory=dict)
    page: str = "1"

    def querystring(self, **changes):
        """The query string of this search with some facets changed
        (a value of None removes the facet); always back to page 1."""
        facets = {**self.facets, **changes}
        pairs = [("q", self.typed)]
        if self.all_languages:
            pairs.append(("all", "1"))
        pairs += [(name, facets[name]) for name in FACETS if facets.get(name)]
        return pairs


def clean_query(raw):
    """Words only, lower-cased, at most MAX_WORDS of them."""
    return " ".join(WORD.findall(raw.lower())[:MAX_WORDS])


def parse(data):
    """SearchParams from request.GET (or any mapping of strings)."""
    raw = " ".join(str(data.get("q", "")).split())
    typed = raw[:MAX_QUERY_LENGTH]
    query = clean_query(typed)
    facets = {}
    for name in FACETS:
        value = str(data.get(name, "")).strip()
        if FACET_VALUE[name].match(value):
            facets[name] = value
    return SearchParams(
        typed=typed,
        query=query,
        shortened=len(raw) > MAX_QUERY_LENGTH or len(WORD.findall(typed)) > MAX_WORDS,
        all_languages=str(data.get("all", "")) == "1",
        facets=facets,
        page=str(data.get("page", "1"))[:12],
    )
