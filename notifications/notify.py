"""Telling a member that something happened: the one way every app does it.

    notify(comment.parent_author, "reply", target=comment, actor=comment.user)

Nothing is recorded when the member turned the event type off, when they
caused it themselves, or when they may not see what it is about. An event
type the member wants by e-mail at once is queued for sending (a task, so
a mail server never slows or fails the request); digests pick up the
others.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from notifications.channels import Channel
from notifications.events import event_type
from notifications.models import Notification
from notifications.preferences import channel_for
from notifications.targets import present


def notify(recipient, event, *, target=None, actor=None):
    """Record `event` for `recipient`; returns the notification or None."""
    kind = event_type(event)
    if recipient is None or not recipient.is_active:
        return None
    if actor is not None and actor.pk == recipient.pk:
        return None
    channel = channel_for(recipient, event)
    if channel == Channel.OFF:
        return None
    if target is not None and not present([target], recipient):
        return None
    fields = {"recipient": recipient, "event": event, "actor": actor}
    if target is not None:
        fields["target_type"] = ContentType.objects.get_for_model(target, for_concrete_model=False)
        fields["target_id"] = target.pk
    if kind.batched:
        notification = _add_to_batch(fields, target)
    else:
        notification = Notification.objects.create(**fields)
    if channel == Channel.EMAIL and notification.count == 1:
        from notifications.tasks import send_notification

        send_notification.enqueue(notification.pk)
    return notification


def _add_to_batch(fields, target):
    """One notification per recipient, event, target and day, counting."""
    target_ref = f"{fields['target_type'].pk}:{target.pk}" if target is not None else "-"
    key = f"{fields['event']}:{timezone.localdate().isoformat()}:{target_ref}"
    updated = Notification.objects.filter(recipient=fields["recipient"], batch_key=key).update(
        count=F("count") + 1, actor=fields["actor"], read_at=None, updated_at=timezone.now()
    )
    if updated:
        return Notification.objects.get(recipient=fields["recipient"], batch_key=key)
    try:
        with transaction.atomic():
            return Notification.objects.create(batch_key=key, **fields)
    except IntegrityError:
        # Another request made today's notification first: count on it.
        return _add_to_batch(fields, target)
