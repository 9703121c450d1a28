"""@mentions of members in what members write (comments, forum posts,
blog posts): `@` followed by a member's display name as their profile
shows it ("@Анна Соколова"), in any letter case.

Only members whose profile the writer may see can be mentioned; an
unknown name, or a name two members share, mentions nobody. At most
MAX_MENTIONS `@`s are looked at, so that one text cannot page the whole
membership, and a name has at most MAX_NAME_WORDS words.
"""

import re
from dataclasses import dataclass

from community.models import Profile

MAX_MENTIONS = 10
# A display name is at most this many words ("Анна Сергеевна Соколова-Петрова").
MAX_NAME_WORDS = 4
# `@`, not inside a word or an e-mail address, then up to MAX_NAME_WORDS words.
MENTION = re.compile(rf"(?<![\w@])@(\w[\w'’.-]*(?:[ \t]\w[\w'’.-]*){{0,{MAX_NAME_WORDS - 1}}})")
WORD = re.compile(r"\S+")


@dataclass(frozen=True)
class Mention:
    start: int  # of the `@`
    end: int  # after the name
    profile: Profile


def _names(match):
    """[(end, folded name)] for each run of one to MAX_NAME_WORDS words
    after the `@` of `match`, the longest first."""
    names = []
    for word in WORD.finditer(match.group(1)):
        text = match.group(1)[: word.end()].rstrip(".'’-")
        names.append((match.start(1) + len(text), " ".join(text.split()).casefold()))
    return list(reversed(names))


def find_mentions(text, writer):
    """The mentions in `text` of members whose profile `writer` may see,
    in the order they appear, the longest matching name winning: one
    query."""
    matches = list(MENTION.finditer(text))[:MAX_MENTIONS]
    wanted = {name for match in matches for _, name in _names(match)}
    if not wanted:
        return []
    profiles = {}
    for profile in (
        Profile.objects.visible_to(writer).filter(search_name__in=wanted).select_related("user")
    ):
        profiles.setdefault(profile.search_name, []).append(profile)
    # Two members with the same name: neither is guessed at.
    unique = {name: found[0] for name, found in profiles.items() if len(found) == 1}
    ambiguous = set(profiles) - set(unique)
    return mentions_among(text, unique, ambiguous)


def mentions_among(text, profiles, ambiguous=()):
    """The mentions in `text` of the members in `profiles` ({folded display
    name: profile}), with no query: for a part of a text whose mentions
    were found with find_mentions. A name in `ambiguous` stops the search
    for that `@` without a mention."""
    found = []
    for match in list(MENTION.finditer(text))[:MAX_MENTIONS]:
        for end, name in _names(match):
            if name in profiles:
                found.append(Mention(match.start(), end, profiles[name]))
                break
            if name in ambiguous:
                break
    return found


def mentioned_members(text, writer):
    """The members mentioned in `text`, each once."""
    members = {}
    for mention in find_mentions(text, writer):
        members.setdefault(mention.profile.user_id, mention.profile.user)
    return list(members.values())
