"""From discussion to library: a moderator or a region's coordinator turns
an answered forum topic, or a published blog post, into a DRAFT piece of
expert advice in the library.

The draft is an ArticlePage of type "expert advice" under the library of
the discussion's language, with the discussion's region: the question and
its accepted answer (or the blog post) quoted as plain text, each with its
author's name and date, and a link back. Being a library item under the
library index, it then goes through the "Regional review" like any other
(home/workflows.py): someone edits it, submits it, the region's
coordinators approve it. Nothing is published here.

Who may: for a topic, those who moderate its board (forums/permissions.py:
Moderators, the coordinators of the board's region, superusers); for a blog
post, those who moderate its comments (library/moderation.py: Moderators
and the head office's Coordinators, the coordinators of the post's region).

The one who converts is taken to the draft's edit view in the admin when
they may edit it (editors, coordinators), else back to the discussion with
a message (Moderators, who edit no pages). A discussion becomes one draft:
converting it again leads to the draft made the first time
(DiscussionSource), unless that draft was deleted.
"""

import html
import re
from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.formats import date_format
from django.utils.html import format_html, strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.rich_text import RichText

from blogs.models import BlogPost
from forums.choices import Visibility
from forums.models import BoardPage, Topic
from forums.permissions import can_moderate as moderates_board
from forums.views import topic_url
from library.models import ArticlePage, DiscussionSource, ItemType, LibraryIndexPage
from library.moderation import can_moderate as moderates_comments_on
from portal.links import absolute_url

SUMMARY_LENGTH = 400


class Refused(Exception):
    """The conversion cannot be done; the message says why."""


@dataclass
class Discussion:
    """What a draft is made of, whatever the discussion was."""

    kind: str
    source_id: int
    title: str
    language: str
    region: object
    link: str
    # "From the forum discussion {link}." / "From the blog of {author}: {link}."
    origin: str
    author: str = ""
    # [(plain text, attribution)]
    quotes: list = field(default_factory=list)
    # The members quoted, for the item's "authors".
    names: list = field(default_factory=list)


def plain_text(member_html):
    """The text of what a member wrote (cleaned HTML), without any markup:
    paragraphs and lines kept, tags dropped, entities read back. The quote
    block escapes it again when the page is shown."""
    text = re.sub(r"(?i)<br\s*/?>", "\n", member_html or "")
    text = re.sub(r"(?i)</(p|li|h\d|blockquote|pre)>", "\n\n", text)
    text = html.unescape(strip_tags(text))
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def name_of(user):
    if user is None:
        return _("deleted member")
    profile = getattr(user, "profile", None)
    return getattr(profile, "display_name", "") or user.get_full_name() or user.first_name


def attribution(user, when, note=""):
    text = f"{name_of(user)}, {date_format(when, 'DATE_FORMAT')}"
    return f"{text} ({note})" if note else text


def _region_in(region, locale):
    if region is None:
        return None
    return region.get_translation_or_none(locale) or region


# --- the discussions -------------------------------------------------------------


def topic_discussion(topic, board):
    """An answered topic: its question and its accepted answer."""
    answer = topic.accepted_post
    if answer is None or answer.is_deleted or answer.visibility != Visibility.PUBLISHED:
        raise Refused(
            _(
                "This topic has no accepted answer yet: only answered topics can be "
                "made into expert advice."
            )
        )
    question = topic.posts.public().order_by("pk").select_related("author__profile").first()
    with translation.override(topic.language):
        quotes, names = [], []
        if question is not None and question.pk != answer.pk and not question.is_deleted:
            quotes.append(
                (plain_text(question.html), attribution(question.author, question.created_at))
            )
            names.append(name_of(question.author))
        quotes.append(
            (
                plain_text(answer.html),
                attribution(answer.author, answer.created_at, _("accepted answer")),
            )
        )
        names.append(name_of(answer.author))
        origin = _("From the forum discussion {link}.")
    return Discussion(
        kind=DiscussionSource.Kind.FORUM_TOPIC,
        source_id=topic.pk,
        title=topic.title,
        language=topic.language,
        region=board.region,
        link=absolute_url(topic_url(board, topic)),
        origin=origin,
        quotes=quotes,
        names=names,
    )


def blog_discussion(post):
    """A published blog post, quoted whole."""
    with translation.override(post.language):
        quotes = [(plain_text(post.html), attribution(post.author, post.published_at))]
        origin = _("From the blog of {author}: {link}.")
        link = post.get_url()
    return Discussion(
        kind=DiscussionSource.Kind.BLOG_POST,
        source_id=post.pk,
        title=post.title,
        language=post.language,
        region=post.region,
        link=absolute_url(link),
        origin=origin,
        author=name_of(post.author),
        quotes=quotes,
        names=[name_of(post.author)],
    )


# --- the draft -------------------------------------------------------------------


def existing_draft(discussion):
    source = (
        DiscussionSource.objects.filter(kind=discussion.kind, source_id=discussion.source_id)
        .select_related("page")
        .first()
    )
    return source.page.specific if source is not None else None


def _free_slug(index, slug):
    taken = set(index.get_children().values_list("slug", flat=True))
    candidate, number = slug, 1
    while candidate in taken:
        number += 1
        candidate = f"{slug}-{number}"
    return candidate


def make_draft(discussion, user):
    """(the draft, whether it was made now): the discussion's draft, made
    under the library of its language unless one was made before."""
    found = existing_draft(discussion)
    if found is not None:
        return found, False
    index = LibraryIndexPage.objects.live().filter(locale__language_code=discussion.language)
    index = index.first()
    if index is None:
        raise Refused(_("There is no library in the language of this discussion."))
    link = format_html('<a href="{}">{}</a>', discussion.link, discussion.title)
    # The sentence is ours (translated); the title, link and name are the
    # members' and are escaped.
    intro = format_html(
        "<p>{}</p>", format_html(discussion.origin, link=link, author=discussion.author)
    )
    body = [("paragraph", RichText(intro))]
    body += [("quote", {"text": text, "attribution": by}) for text, by in discussion.quotes]
    page = ArticlePage(
        title=discussion.title,
        slug=_free_slug(index, f"{discussion.kind.replace('_', '-')}-{discussion.source_id}"),
        item_type=ItemType.EXPERT_ADVICE,
        summary=Truncator(discussion.quotes[-1][0]).chars(SUMMARY_LENGTH),
        authors=", ".join(dict.fromkeys(discussion.names))[:255],
        region=_region_in(discussion.region, index.locale),
        body=body,
        locale=index.locale,
        owner=user,
        live=False,
    )
    try:
        with transaction.atomic():
            index.add_child(instance=page)
            page.save_revision(user=user, log_action=True)
            DiscussionSource.objects.create(
                page=page, kind=discussion.kind, source_id=discussion.source_id, created_by=user
            )
    except IntegrityError:
        # Converted at the same moment by someone else: theirs stands.
        found = existing_draft(discussion)
        if found is None:
            raise
        return found, False
    return page, True


# --- the views ---------------------------------------------------------------------


def _refused(request, message, back, status):
    return render(
        request,
        "library/from_discussion_refused.html",
        {"message": message, "back": back},
        status=status,
    )


def _convert(request, build, back):
    """Make (or find) the draft and open it in the admin. Moderators who
    do not edit pages (home 0007) go back to the discussion: the draft
    waits in the library for the editors and the region's coordinators."""
    try:
        page, made = make_draft(build(), request.user)
    except Refused as refusal:
        return _refused(request, str(refusal), back, 400)
    may_edit = page.permissions_for_user(request.user).can_edit()
    if not made:
        message = _("This discussion was already made into a library draft.")
    elif may_edit:
        message = _(
            "A draft of expert advice was made in the library: edit it and submit it for review."
        )
    else:
        message = _(
            "A draft of expert advice was made in the library: the editors and the "
            "region's coordinators will edit it and submit it for review."
        )
    messages.success(request, message)
    if may_edit:
        return redirect(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return redirect(back)


@require_POST
def topic_to_library(request, topic_id):
    topic = (
        Topic.objects.public()
        .filter(pk=topic_id)
        .select_related("accepted_post__author__profile")
        .first()
    )
    if topic is None:
        raise Http404
    boards = BoardPage.objects.live().filter(translation_key=topic.board_key)
    board = boards.filter(locale__language_code=topic.language).first() or boards.first()
    if board is None:
        raise Http404
    back = topic_url(board, topic)
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if not moderates_board(request.user, board):
        message = _("Only moderators and this region's coordinators can do this.")
        return _refused(request, message, back, 403)
    return _convert(request, lambda: topic_discussion(topic, board), back)


@require_POST
def blog_post_to_library(request, post_id):
    post = (
        BlogPost.objects.published()
        .filter(pk=post_id)
        .select_related("author__profile", "region")
        .first()
    )
    if post is None:
        raise Http404
    back = post.get_url()
    if not request.user.is_authenticated:
        return redirect_to_login(back)
    if not moderates_comments_on(request.user, post):
        message = _("Only moderators and this region's coordinators can do this.")
        return _refused(request, message, back, 403)
    return _convert(request, lambda: blog_discussion(post), back)
