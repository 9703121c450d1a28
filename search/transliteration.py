"""Names written in the other script: Иванов ↔ ivanov, Петрова ↔ petrova.

Cyrillic to Latin is anyascii's (already a dependency), which follows the
common English spelling of Russian names (Жуков → Zhukov, Цветаева →
Tsvetaeva, Сергей → Sergey). Latin to Cyrillic reverses that spelling with
the table below, the longest letter group first ("shch" before "sh" before
"s"). cyrtranslit, the maintained two-way library, spells Russian the
scholarly way (Цветаева → CZvetaeva, Khodorkovsky → Кходорковски), which
is not how English texts spell names.

Words are folded (lower case) before they get here.
"""

import re

from anyascii import anyascii

from search.text import CYRILLIC

LATIN_WORD = re.compile(r"^[a-z]+$")
CYRILLIC_WORD = re.compile(r"^[а-яё]+$")

# Latin letter groups and the Cyrillic they most often stand for in names.
TO_CYRILLIC = {
    "shch": "щ",
    # "sch" is German spelling (Schmidt → Шмидт); Russian щ is "shch".
    "sch": "ш",
    "zh": "ж",
    "kh": "х",
    "ts": "ц",
    "tz": "ц",
    "ch": "ч",
    "sh": "ш",
    "yu": "ю",
    "ju": "ю",
    "ya": "я",
    "ja": "я",
    "yo": "ё",
    "iy": "ий",
    "yy": "ый",
    "ye": "е",
    "ia": "ия",
    "a": "а",
    "b": "б",
    "c": "к",
    "d": "д",
    "e": "е",
    "f": "ф",
    "g": "г",
    "h": "х",
    "i": "и",
    "j": "й",
    "k": "к",
    "l": "л",
    "m": "м",
    "n": "н",
    "o": "о",
    "p": "п",
    "q": "к",
    "r": "р",
    "s": "с",
    "t": "т",
    "u": "у",
    "v": "в",
    "w": "в",
    "x": "кс",
    "y": "й",
    "z": "з",
}
GROUP = re.compile("|".join(sorted(TO_CYRILLIC, key=len, reverse=True)))


def to_latin(word):
    return anyascii(word).replace("'", "").lower()


def to_cyrillic(word):
    spelled = GROUP.sub(lambda match: TO_CYRILLIC[match.group()], word)
    # A final "y" after a consonant is mostly "-ий"/"-ый": Dostoevsky.
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy", "yy", "iy")):
        spelled = spelled[:-1] + "ий"
    # A final "i" after a vowel is "й": Sergei, Nikolai.
    elif word.endswith(("ai", "ei", "oi", "ui")):
        spelled = spelled[:-1] + "й"
    return spelled


def other_script(word):
    """`word` spelled in the other script, or None if it is neither all
    Cyrillic nor all Latin letters (digits, mixed scripts) or too short to
    be a name."""
    if len(word) < 3:
        return None
    if CYRILLIC_WORD.match(word):
        return to_latin(word) or None
    if LATIN_WORD.match(word) and not CYRILLIC.search(word):
        return to_cyrillic(word)
    return None
