"""Notifications as a member reads them: a sentence in the active language
and a link, for the ones whose target they may still see."""

from dataclasses import dataclass

from django.utils.html import format_html
from django.utils.translation import gettext as _

from notifications.events import EVENT_TYPES
from notifications.models import Notification
from notifications.targets import present


@dataclass(frozen=True)
class Item:
    notification: Notification
    text: str
    url: str
    full_url: str
    # The sentence for a page: the member's name and the title (content, in
    # the language they were written in) marked as such (data-content).
    html: str = ""

    @property
    def unread(self):
        return self.notification.read_at is None


def actor_name(actor, reader, html=False):
    """The actor's name when `reader` may see their profile, else "A member"."""
    profile = getattr(actor, "profile", None) if actor is not None else None
    if profile is None or not profile.is_visible_to(reader):
        return _("A member")
    if html:
        return format_html("<span data-content>{}</span>", profile.display_name)
    return profile.display_name


def describe(notifications, reader):
    """Items for `notifications` (fetched with `for_display()`), leaving out
    those about something `reader` may not see, or of an event type that
    no longer exists. A query per kind of target, whatever their number."""
    notifications = list(notifications)
    shown = present([n.target for n in notifications if n.target is not None], reader)
    items = []
    for notification in notifications:
        event = EVENT_TYPES.get(notification.event)
        target = notification.target
        if event is None or target is None:
            continue
        where = shown.get((type(target), target.pk))
        if where is None:
            continue
        text = str(event.sentence).format(
            actor=actor_name(notification.actor, reader),
            title=where.title,
            count=notification.count,
        )
        html = format_html(
            str(event.sentence),
            actor=actor_name(notification.actor, reader, html=True),
            title=format_html("<span data-content>{}</span>", where.title),
            count=notification.count,
        )
        items.append(Item(notification, text, where.url, where.full_url, html))
    return items


def for_display(queryset):
    """The related rows `describe` reads, fetched in bulk."""
    return queryset.select_related("actor__profile").prefetch_related("target")
