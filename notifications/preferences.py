"""Which channel a member chose for an event type, and the language of
their e-mails."""

from django.conf import settings

from notifications.channels import Channel
from notifications.events import EVENT_TYPES, event_type
from notifications.models import MemberSettings, Preference


def channel_for(user, event):
    """The channel `user` wants `event` on: their choice or the default."""
    chosen = Preference.objects.filter(user=user, event=event).values_list("channel", flat=True)
    return next(iter(chosen), event_type(event).default)


def channels_for(user_ids, event):
    """{user id: channel} for many members in one query."""
    default = event_type(event).default
    chosen = dict(
        Preference.objects.filter(user_id__in=user_ids, event=event).values_list(
            "user_id", "channel"
        )
    )
    return {user_id: chosen.get(user_id, default) for user_id in user_ids}


def all_channels_for(user):
    """{event name: channel} for every event type, for the settings page."""
    chosen = dict(Preference.objects.filter(user=user).values_list("event", "channel"))
    return {name: chosen.get(name, event.default) for name, event in EVENT_TYPES.items()}


def set_channel(user, event, channel):
    event_type(event)  # a KeyError for an event that does not exist
    Channel(channel)  # a ValueError for a channel that does not exist
    Preference.objects.update_or_create(user=user, event=event, defaults={"channel": channel})


def language_of(user):
    """The language `user`'s e-mails are written in."""
    chosen = MemberSettings.objects.filter(user=user).values_list("language", flat=True)
    return next(iter(chosen), settings.LANGUAGE_CODE)


def set_language(user, language):
    MemberSettings.objects.update_or_create(user=user, defaults={"language": language})
