"""Glossary terms marked for readers.

A coordinator chooses the terms a page marks (`MarkedTerms`, once for the
page and its translations). Where the page's body first uses each of them,
in any inflection, the words are wrapped so that the term's translation
(and its definition, if any) shows on hover and on keyboard focus:

    <span class="glossary-term" tabindex="0" aria-describedby="glossary-tip-7">
      интеллектуальной собственности
      <span class="glossary-tip" role="tooltip" id="glossary-tip-7">
        <span lang="en">intellectual property</span> — …</span></span>

CSS shows the tip (static/css/glossary.css); no script, no inline style.
The body is rendered HTML; only its text is looked at, never text inside
links, headings, code or marks, and everything added is escaped.
"""

from html.parser import HTMLParser

from django.utils.html import escape
from django.utils.safestring import mark_safe

from glossary.lookup import find
from search import text

SKIPPED = {"a", "button", "code", "pre", "script", "style", "textarea", "mark", "dfn", "select"}
SKIPPED |= {f"h{level}" for level in range(1, 7)}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}


def tip(entry, language):
    other = "en" if language == "ru" else "ru"
    html = f'<span lang="{other}">{escape(entry.term(other))}</span>'
    definition = entry.definition(language)
    if definition:
        html += f" — {escape(definition)}"
    return html


def wrapped(words_html, entry, language):
    tip_id = f"glossary-tip-{entry.pk}"
    return (
        f'<span class="glossary-term" tabindex="0" aria-describedby="{tip_id}">{words_html}'
        f'<span class="glossary-tip" role="tooltip" id="{tip_id}">{tip(entry, language)}</span>'
        "</span>"
    )


class Marker(HTMLParser):
    def __init__(self, entries, language):
        super().__init__(convert_charrefs=False)
        self.waiting = list(entries)
        self.language = language
        self.out = []
        self.open = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self.get_starttag_text())
        if tag not in VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.out.append(self.get_starttag_text())

    def handle_endtag(self, tag):
        self.out.append(f"</{tag}>")
        if tag in self.open:
            while self.open.pop() != tag:
                pass

    def handle_entityref(self, name):
        self.out.append(f"&{name};")

    def handle_charref(self, name):
        self.out.append(f"&#{name};")

    def handle_comment(self, data):
        self.out.append(f"<!--{data}-->")

    def handle_decl(self, decl):
        self.out.append(f"<!{decl}>")

    def handle_data(self, data):
        if not self.waiting or SKIPPED.intersection(self.open):
            self.out.append(data)
            return
        matches = list(text.WORD.finditer(data))
        stems = [text.stem(text.fold(match.group())) for match in matches]
        position = 0
        for start, end, entry, _language in find(stems, self.waiting, (self.language,)):
            if entry not in self.waiting:
                continue
            self.waiting.remove(entry)
            begin, finish = matches[start].start(), matches[end - 1].end()
            # `data` is raw HTML text (no tags): its slices stay as they are.
            self.out.append(data[position:begin])
            self.out.append(wrapped(data[begin:finish], entry, self.language))
            position = finish
        self.out.append(data[position:])


def mark(html, entries, language, already_marked=None):
    """`html` (safe, rendered) with the first use of each of `entries` marked.

    `already_marked`, a set of term ids, carries the terms marked in an
    earlier part of the same page (an event's programme, then its report):
    each term is marked once a page, so each tip's id is unique; the terms
    marked here are added to it."""
    if already_marked is not None:
        entries = [entry for entry in entries if entry.pk not in already_marked]
    if not entries:
        return html
    marker = Marker(entries, language)
    marker.feed(str(html))
    marker.close()
    if marker.rawdata:  # an unfinished tag at the very end
        marker.out.append(marker.rawdata)
    if already_marked is not None:
        already_marked.update(entry.pk for entry in entries if entry not in marker.waiting)
    return mark_safe("".join(marker.out))  # noqa: S308 (the body was safe; what is added is escaped)
