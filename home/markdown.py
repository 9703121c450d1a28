"""What members write (forum posts, blog posts), from Markdown to HTML
that is safe to show.

CommonMark (markdown-it-py) with tables and strikethrough; raw HTML in the
source is shown as text, images are not embedded (`![x](url)` stays a
link), and @mentions of members become links to their profiles
(community/mentions.py). The HTML is then cleaned by nh3 on an allow-list:
only the tags Markdown makes, links only to http(s) and mailto addresses,
every link with rel="nofollow ugc noopener". Render once when the text is
saved and keep the result; show it with `|safe`.

    html, mentions = render_markdown(text, writer)

Pages show the HTML kept at saving, so markdown-it is imported by the first
text rendered, not when the portal starts: an app server that only shows
pages never loads it.
"""

import functools

import nh3

from community.links import profile_urls
from community.mentions import MAX_MENTIONS, find_mentions, mentions_among

TAGS = {
    "p", "br", "hr", "strong", "em", "s", "del", "code", "pre", "blockquote",
    "ul", "ol", "li", "a", "h2", "h3", "h4", "h5", "h6",
    "table", "thead", "tbody", "tr", "th", "td",
}  # fmt: skip
ATTRIBUTES = {"a": {"href", "class"}, "ol": {"start"}, "th": {"style"}, "td": {"style"}}
URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow ugc noopener"
MENTION_CLASS = "mention"


@functools.cache
def _parser():
    from markdown_it import MarkdownIt

    return (
        MarkdownIt("commonmark", {"html": False, "linkify": False})
        .enable(["table", "strikethrough"])
        .disable(["image"])
    )


def render_markdown(text, writer):
    """(safe HTML, [Mention]) for `text` written by `writer`: the members
    it mentions whose profile the writer may see, linked."""
    mentions = find_mentions(text, writer)
    markdown = _parser()
    tokens = markdown.parse(text)
    if mentions:
        _link_mentions(
            tokens, {mention.profile.search_name: mention.profile for mention in mentions}
        )
    html = markdown.renderer.render(tokens, markdown.options, {})
    return clean(html), mentions


def clean(html):
    return nh3.clean(
        html,
        tags=TAGS,
        attributes=ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel=LINK_REL,
        filter_style_properties={"text-align"},
    )


def _link_mentions(tokens, profiles):
    """Turn the mentions in the text of `tokens` (not in code, not already
    in a link) into links to the members' profiles: the first MAX_MENTIONS
    of the whole text, as many as find_mentions looks at (each line is a
    text token of its own, so counting per token would link thousands)."""
    url_of = profile_urls()
    budget = [MAX_MENTIONS]
    for token in tokens:
        if token.type != "inline" or not token.children:
            continue
        children, in_link = [], 0
        for child in token.children:
            in_link += child.type == "link_open"
            in_link -= child.type == "link_close"
            if child.type == "text" and not in_link:
                children.extend(_split_text(child.content, profiles, url_of, budget))
            else:
                children.append(child)
        token.children = children


def _split_text(content, profiles, url_of, budget):
    """Text tokens for `content` with its mentions made links, as many as
    `budget` ([number]) still allows; the budget goes down by those made."""
    from markdown_it.token import Token

    pieces, position = [], 0
    mentions = mentions_among(content, profiles)[: budget[0]] if budget[0] > 0 else []
    budget[0] -= len(mentions)
    for mention in mentions:
        if mention.start > position:
            pieces.append(_text(content[position : mention.start]))
        link = Token("link_open", "a", 1)
        link.attrs = {"href": url_of(mention.profile), "class": MENTION_CLASS}
        pieces += [link, _text(content[mention.start : mention.end]), Token("link_close", "a", -1)]
        position = mention.end
    if position < len(content):
        pieces.append(_text(content[position:]))
    return pieces


def _text(content):
    from markdown_it.token import Token

    token = Token("text", "", 0)
    token.content = content
    return token
