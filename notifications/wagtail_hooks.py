"""The notification centre's part in "My data" (home/member_data.py): what
the member follows, how they want to hear of each event, and their
notifications. Their own rows go with the account (on_delete=CASCADE);
other members' follows of them go here."""

from wagtail import hooks

from notifications import preferences
from notifications.display import describe, for_display
from notifications.models import Follow


@hooks.register("register_member_data_export")
def export_notifications(user):
    notifications = list(for_display(user.notifications.all()))
    # The sentence and link of the ones whose target the member may still see.
    described = {item.notification.pk: item for item in describe(notifications, user)}
    return "notifications", {
        "language_of_emails": preferences.language_of(user),
        "channels": preferences.all_channels_for(user),
        "follows": [
            {"kind": follow.kind, "key": follow.key, "since": follow.created_at}
            for follow in Follow.objects.filter(user=user).order_by("created_at", "pk")
        ],
        "notifications": [
            {
                "event": notification.event,
                "text": described[notification.pk].text if notification.pk in described else None,
                "url": described[notification.pk].full_url
                if notification.pk in described
                else None,
                "count": notification.count,
                "created_at": notification.created_at,
                "updated_at": notification.updated_at,
                "read_at": notification.read_at,
                "emailed_at": notification.emailed_at,
            }
            for notification in notifications
        ],
    }


@hooks.register("register_member_data_erasure")
def erase_follows_of_member(user):
    Follow.objects.filter(kind="member", key=str(user.pk)).delete()
