"""Telling a member that something happened: the one way every app does it.

    notify(comment.parent_author, "reply", target=comment, actor=comment.user)

Nothing is recorded when the member turned the event type off, when they
caused it themselves, or when they may not see what it is about. An event
type the member wants by e-mail at once is queued for sending (a task, so
a mail server never slows or fails the request); digests pick up the
others.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from notifications.channels import Channel
from notifications.events import event_type
from notifications.models import Notification
from notifications.preferences import channel_for, channels_for
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


# Members told per round of notify_many: a few queries each.
CHUNK = 500


def notify_many(recipient_ids, event, *, target, key, actor=None):
    """Tell many members (their ids: followers of a theme, a blog, a
    board) of one event about one target, in bulk: four queries per
    CHUNK members, whatever their number, and a task for each member who
    wants the e-mail at once. For targets that anyone may see (a
    published page, blog post or forum post): nothing is told about a
    target a visitor may not see, and members are not checked one by one.
    `key` names the occasion (a page's translation key, a post's number):
    the same event and key tell nobody twice, so a task that runs again is
    harmless. The actor and inactive members are left out, and those who
    turned the event off. Returns how many were told."""
    from notifications.tasks import send_notification

    if not present([target], AnonymousUser()):
        return 0
    target_type = ContentType.objects.get_for_model(target, for_concrete_model=False)
    batch_key = f"{event}:{key}"
    ids = sorted(set(recipient_ids) - {actor.pk if actor is not None else None})
    told = 0
    for start in range(0, len(ids), CHUNK):
        active = list(
            get_user_model()
            .objects.filter(pk__in=ids[start : start + CHUNK], is_active=True)
            .values_list("pk", flat=True)
        )
        channels = channels_for(active, event)
        wanted = [user_id for user_id in active if channels[user_id] != Channel.OFF]
        Notification.objects.bulk_create(
            [
                Notification(
                    recipient_id=user_id,
                    event=event,
                    actor=actor,
                    target_type=target_type,
                    target_id=target.pk,
                    batch_key=batch_key,
                )
                for user_id in wanted
            ],
            ignore_conflicts=True,
        )
        by_email = [user_id for user_id in wanted if channels[user_id] == Channel.EMAIL]
        if by_email:
            pending = Notification.objects.filter(
                recipient_id__in=by_email, batch_key=batch_key, emailed_at__isnull=True
            ).values_list("pk", flat=True)
            for notification_id in pending:
                send_notification.enqueue(notification_id)
        told += len(wanted)
    return told
