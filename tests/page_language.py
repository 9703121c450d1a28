"""Which language does a page's interface speak?

interface_text() takes what a visitor reads or hears of a page's interface:
its text (the <title> included), and the title, placeholder, aria-label,
alt attributes and the values of buttons; <script> and <style> are left out,
and so is the page's content:

- an element with a `lang` attribute (other than <html>) is in that
  language: content shown in the language it was written in, or a
  language's own name in the language switcher (WCAG 3.1.2, language of
  parts);
- an element with a `data-content` attribute holds text that editors or
  members wrote (titles, rich text, comments, names), which may be in any
  language.

The page's <title> and the attributes often repeat content (a topic's title
in the tab's title, a member's name in a button's label): the text of the
page's content regions is taken out of them before they are checked.

foreign_words() then finds interface words in the other language: on a
Russian page, words in Latin letters that are not on the short list of
names below; on an English page, any Cyrillic letter.
"""

import re
from html.parser import HTMLParser

VOID_ELEMENTS = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
    "source", "track", "wbr",
}  # fmt: skip
SKIPPED_ELEMENTS = {"script", "style", "template"}
# A text area's text, like a text field's value, is what the member wrote.
CONTENT_ELEMENTS = {"textarea"}
SPOKEN_ATTRIBUTES = ("title", "placeholder", "aria-label", "alt")
BUTTON_TYPES = {"submit", "button", "reset"}
TEXT_INPUTS = {"text", "search", "email", "url", "tel"}

# Latin words a Russian page may show in its interface: the community's and
# the portal's names, the names of formats and standards a member recognises
# as they are, and brands that are written in Latin letters in Russian too.
ALLOWED_LATIN = {
    "RUSMECO",  # the community's name
    "e-mail", "E-mail", "email",  # the Russian interface's usual word
    "URL", "PDF", "CSV", "JSON", "RSS", "Atom", "iCal", "iCalendar", "ICS", "ics", "TXT",
    "JPEG", "PNG", "GIF", "WebP",  # formats, as the files are named
    "Markdown", "HTML",  # how texts are written
    "UTC",  # time zones are given as UTC+3
    "IT", "IP",  # as in IT-компания, IP-адрес
    "Google", "Outlook", "Apple", "Thunderbird",  # calendar programs, by their names
    "Wagtail",  # the admin's name, in its own menu
    "English",  # the language switcher's name of the other language (also lang="en")
    "EN", "RU",  # a forum topic's language, by its code
}  # fmt: skip
# Cyrillic words an English page may show: the name of the other language
# in language menus, in that language as such menus show it.
ALLOWED_CYRILLIC = {"Русский"}
LATIN_WORD = re.compile(r"[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*")
CYRILLIC = re.compile(r"[\u0400-\u04ff]+")
# Addresses are not words of a language.
ADDRESS = re.compile(r"\S+@\S+|https?://\S*|www\.\S+|\S+\.(?:example|ru|com|org)\b\S*")


class _InterfaceText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []  # (tag, leaves the interface)
        self.pieces = []  # (where, text)
        self.content = set()  # the text of the content regions

    @property
    def skipping(self):
        return any(skip for _, skip in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        skip = (
            tag in SKIPPED_ELEMENTS
            or tag in CONTENT_ELEMENTS
            or "data-content" in attributes
            or ("lang" in attributes and tag != "html")
        )
        if not self.skipping and not skip:
            for name in SPOKEN_ATTRIBUTES:
                if attributes.get(name):
                    self.pieces.append((f"<{tag} {name}>", attributes[name]))
            if (
                tag == "input"
                and attributes.get("type") in BUTTON_TYPES
                and attributes.get("value")
            ):
                self.pieces.append((f"<{tag} value>", attributes["value"]))
        if (
            tag == "input"
            and attributes.get("type", "text") in TEXT_INPUTS
            and attributes.get("value")
        ):
            self.content.add(attributes["value"])  # what the member typed
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skip))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                del self.stack[index:]
                return

    def handle_data(self, data):
        text = " ".join(data.split())
        if not text:
            return
        if not self.skipping:
            tag = self.stack[-1][0] if self.stack else ""
            self.pieces.append((f"<{tag}>", text))
        elif not any(tag in SKIPPED_ELEMENTS for tag, _ in self.stack):
            self.content.add(text)


def interface_text(html: str) -> list:
    """[(where, text)] of the page's interface, its content left out."""
    parser = _InterfaceText()
    parser.feed(html)
    parser.close()
    content = sorted(parser.content, key=len, reverse=True)
    repeated = re.compile("|".join(rf"(?<!\w){re.escape(part)}(?!\w)" for part in content))
    if not content:
        return parser.pieces
    return [(where, repeated.sub(" ", text)) for where, text in parser.pieces]


def foreign_words(pieces, language: str) -> list:
    """[(where, word, text)] of interface words not in the page's language."""
    found = []
    for where, text in pieces:
        if language == "en":
            words = [word for word in CYRILLIC.findall(text) if word not in ALLOWED_CYRILLIC]
        else:
            words = [
                word
                for word in LATIN_WORD.findall(ADDRESS.sub(" ", text))
                if word not in ALLOWED_LATIN
            ]
        found.extend((where, word, text) for word in words)
    return found
