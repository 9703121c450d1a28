"""The bell's unread count and the follow button, for any template.

Both cost anonymous visitors nothing: the bell is drawn only for members,
and the follow button shows them a log-in link without a query. A member's
page pays one query for the bell; a follow button's state comes from the
cache until the member follows or unfollows something
(notifications/follows.py; members' pages are never cached whole,
portal/middleware.py, so the state is always theirs)."""

from django import template

from home.models import Region
from home.terms import terms_of_locale
from notifications import follows

register = template.Library()


@register.simple_tag(takes_context=True)
def unread_notifications(context):
    """The signed-in member's number of unread notifications: one query."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    return request.user.notifications.unread().count()


@register.inclusion_tag("notifications/includes/follow_button.html", takes_context=True)
def follow_button(context, kind, thing):
    """A Follow / Following button for `thing` of the follow kind `kind`
    ("theme", "region", "member"): a theme or region, a user, a key, or
    for "region" a page with a region (a region page). Anonymous visitors
    get a link to log in."""
    request = context["request"]
    shown = {"kind": kind, "next": request.get_full_path(), "request": request}
    if not request.user.is_authenticated:
        return shown | {"anonymous": True}
    key = key_of(kind, thing)
    return shown | {
        "key": key,
        "following": follows.is_following(request.user, kind, key),
        "csrf_token": context.get("csrf_token"),
    }


def key_of(kind_name, thing):
    if isinstance(thing, str | int):
        return str(thing)
    if kind_name == "region" and not isinstance(thing, Region):
        # The region of a page, from the cached terms: no query on a warm page.
        thing = terms_of_locale(thing.locale_id).region_of(thing)
    return follows.follow_kind(kind_name).key_of(thing)
