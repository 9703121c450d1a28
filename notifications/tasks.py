"""The notification centre's background work."""

from django.utils import timezone, translation
from django_tasks import task

from notifications.display import describe, for_display
from notifications.emails import member_message
from notifications.events import EVENT_TYPES
from notifications.models import Notification
from notifications.preferences import language_of


@task()
def send_notification(notification_id):
    """E-mail one notification at once, unless it was sent already or its
    target can no longer be seen by the member."""
    notification = (
        for_display(Notification.objects.filter(pk=notification_id, emailed_at__isnull=True))
        .select_related("recipient")
        .first()
    )
    if notification is None or not notification.recipient.email:
        return
    recipient = notification.recipient
    with translation.override(language_of(recipient)):
        items = describe([notification], recipient)
    if not items:
        return
    item = items[0]
    message = member_message(
        recipient,
        event=notification.event,
        subject=lambda: item.text,
        template="notifications/emails/notification",
        context={"item": item, "advice": EVENT_TYPES[notification.event].advice},
    )
    message.send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())


@task()
def send_digests_task(period="weekly", today=None):
    """Send a period's digests (notifications/digest.py): what cron, or a
    scheduler, enqueues weekly and daily. `today` (YYYY-MM-DD) sends them
    as if it were that day, to catch up a missed run. Safe to run twice."""
    import datetime

    from notifications.digest import send_digests

    today = datetime.date.fromisoformat(today) if today else None
    outcome = send_digests(period, today=today)
    return {"members": outcome.members, "sent": outcome.sent}
