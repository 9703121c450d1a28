"""The kinds of event a member can be told of, each with its translated
sentence and the channel it goes to unless the member chose another.

A sentence names the actor as {actor} and what it is about as {title}; a
batched event (likes of a day) also gets {count}. Apps notify with the
event's name: `notify(member, "reply", target=comment, actor=author)`.
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from notifications.channels import Channel


@dataclass(frozen=True)
class EventType:
    name: str
    label: str
    sentence: str
    default: str
    # Shown only to members who may receive it (coordinators' reviews).
    for_staff: bool = False
    # Gathered into one notification a day per target.
    batched: bool = False
    # The channels a member may choose from (all of them unless limited).
    channels: tuple = tuple(Channel)
    # What the member may want to do next, said under the link in e-mails.
    advice: str = ""


EVENT_TYPES = {
    event.name: event
    for event in [
        EventType(
            "reply",
            _("Replies to my comments, topics and posts"),
            _("{actor} replied to you on “{title}”"),
            Channel.EMAIL,
        ),
        EventType(
            "mention",
            _("Mentions of me"),
            _("{actor} mentioned you on “{title}”"),
            Channel.EMAIL,
        ),
        EventType(
            "accepted_answer",
            _("My answer accepted"),
            _("Your answer on “{title}” was accepted"),
            Channel.EMAIL,
        ),
        EventType(
            "like",
            _("Likes of what I wrote"),
            _("What you wrote on “{title}” was liked ({count})"),
            Channel.DAILY,
            batched=True,
        ),
        EventType(
            "watched_post",
            _("New posts in topics, boards and blogs I follow"),
            _("{actor} wrote on “{title}”"),
            Channel.WEEKLY,
        ),
        EventType(
            "followed_content",
            _("New library items, events and news in what I follow"),
            _("New on the portal: “{title}”"),
            Channel.WEEKLY,
        ),
        EventType(
            "waitlist_promoted",
            _("A seat for me from the waiting list"),
            _("A seat has come free for you: “{title}”"),
            Channel.EMAIL,
            advice=_(
                "Your registration is now confirmed. If you cannot come after all, please "
                "cancel it on the event's page, so that the next person waiting gets the seat."
            ),
        ),
        EventType(
            "event_reminder",
            _("Reminders the day before my events"),
            _("Tomorrow: “{title}”"),
            Channel.EMAIL,
            advice=_("The event's page has the time, the place and how to join online."),
        ),
        EventType(
            "company_invitation",
            _("Invitations to a company"),
            _("{actor} invited you to join “{title}”"),
            Channel.EMAIL,
            advice=_("To accept or decline, open your companies page."),
        ),
        EventType(
            "review_waiting",
            _("Items waiting for my review"),
            _("“{title}” is waiting for your review"),
            Channel.EMAIL,
            advice=_("Open it in the admin to approve it or to ask for changes."),
            for_staff=True,
        ),
        # Partnerships (partnerships/contact_notices.py): conversations
        # between a member and a listing's company, and introductions.
        EventType(
            "partnership_interest",
            _("Expressions of interest in my company's listings"),
            _("{actor} is interested in “{title}”"),
            Channel.EMAIL,
            advice=_(
                "Read the message and reply on the portal: your e-mail address stays "
                "hidden until you choose to share it."
            ),
        ),
        EventType(
            "partnership_message",
            _("Messages in my partnership conversations"),
            _("{actor} wrote to you about “{title}”"),
            Channel.EMAIL,
            advice=_("Reply on the portal, in the conversation."),
        ),
        EventType(
            "partnership_introduction",
            _("Introductions made by the coordinators"),
            _("A coordinator has introduced you about “{title}”"),
            Channel.EMAIL,
            advice=_("The conversation on the portal has the coordinator's note."),
        ),
        # partnerships/reminders.py, two weeks before a company's listing expires.
        EventType(
            "listing_expiring",
            _("Reminders before my company's listings expire"),
            _("Your listing “{title}” expires within two weeks"),
            Channel.EMAIL,
            advice=_(
                "To keep it open for another six months, open your listings page (the link "
                "above) and press “Renew”. An expired listing can be renewed too."
            ),
        ),
        # partnerships/review_notices.py, when the regional review of a
        # company's listing ends.
        EventType(
            "listing_published",
            _("My company's listings published after review"),
            _("Your listing “{title}” has been approved and published"),
            Channel.EMAIL,
            advice=_(
                "Members can now find it on the partnerships page. It stays open for six "
                "months; you will be reminded before it expires."
            ),
        ),
        EventType(
            "listing_changes_requested",
            _("Changes requested to my company's listings"),
            _("The coordinators asked for changes to your listing “{title}”"),
            Channel.EMAIL,
            advice=_(
                "Your listings page (the link above) shows the coordinator's comment. Edit the "
                "listing from “My listings” and save it: it goes back to the coordinators for "
                "review."
            ),
        ),
        # Not an event but the weekly e-mail itself: new items in what the
        # member follows (or their region), active discussions, upcoming
        # events. Its unsubscribe link turns it off.
        EventType(
            "digest",
            _("The weekly digest of my region and what I follow"),
            "",
            Channel.WEEKLY,
            channels=(Channel.WEEKLY, Channel.OFF),
        ),
    ]
}


def event_type(name):
    """The event type called `name`; a KeyError names a mistake in code."""
    return EVENT_TYPES[name]
