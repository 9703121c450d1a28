"""The notification centre's background work."""

from django.utils import timezone, translation
from django_tasks import task

from notifications.display import describe, for_display
from notifications.emails import member_message
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
        context={"item": item},
    )
    message.send()
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
