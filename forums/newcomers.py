"""What a new member may do in the forums, and how often anyone posts.

A member is new until FORUM_POSTS_HELD_FOR_NEW_MEMBERS of their posts have
been published: until then each post (and a topic it starts) waits for a
moderator, and a post may hold at most FORUM_LINKS_FOR_NEW_MEMBERS links.
Moderators of the board are never new. Every member's posts are counted
by allauth's rate limiting, as the contact form's are
(home/contact_limits.py): ACCOUNT_RATE_LIMITS["forum_post"] in the
settings, per member. Only posts that would be saved are counted.
"""

import re

from allauth.core import ratelimit
from django.conf import settings
from django.forms import ValidationError
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from forums.choices import Visibility
from forums.permissions import can_moderate

ACTION = "forum_post"

TOO_MANY_POSTS = _(
    "You have posted several times in a short while, so this post was not saved. "
    "Please wait a few minutes and send it again."
)
HELD_MESSAGE = _(
    "Thank you! The first posts of new members wait for a moderator: "
    "others will see yours once it is approved."
)

# Web addresses as members write them: in a Markdown link or bare.
LINK = re.compile(r"https?://|(?<![\w./])www\.", re.IGNORECASE)


def is_new(member, board):
    """Whether `member`'s posts on `board` still wait for a moderator.
    One query, remembered for the request."""
    wanted = settings.FORUM_POSTS_HELD_FOR_NEW_MEMBERS
    if wanted <= 0 or can_moderate(member, board):
        return False
    if "_forum_new_member" not in member.__dict__:
        published = member.forum_posts.filter(visibility=Visibility.PUBLISHED)
        member.__dict__["_forum_new_member"] = published[:wanted].count() < wanted
    return member.__dict__["_forum_new_member"]


def count_links(text):
    return len(LINK.findall(text))


def links_allowed(member, board, form):
    """Whether the valid post `form` holds no more links than `member` may
    post; if not, the form says so in a translated error."""
    allowed = settings.FORUM_LINKS_FOR_NEW_MEMBERS
    if not is_new(member, board) or count_links(form.cleaned_data["body"]) <= allowed:
        return True
    form.add_error(
        "body",
        ValidationError(
            ngettext(
                "New members may include at most %(count)d link in a post.",
                "New members may include at most %(count)d links in a post.",
                allowed,
            )
            % {"count": allowed}
        ),
    )
    return False


def admit(request, board, form):
    """Whether the valid post `form` may be saved now: a new member's links
    and everyone's rate, each refusal added to the form as a translated
    error."""
    if not links_allowed(request.user, board, form):
        return False
    if not can_moderate(request.user, board) and not ratelimit.consume(
        request, action=ACTION, user=request.user
    ):
        form.add_error(None, ValidationError(TOO_MANY_POSTS))
        return False
    return True
