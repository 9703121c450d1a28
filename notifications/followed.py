"""New library items, events and news for the members who follow their
themes or region ("followed_content").

Apps name the page types that are announced, in their ready():

    announce_when_published(LibraryItemPage)

When such a page is published for the first time (not when it is
published again, nor when a translation of a page already published
comes out), a task tells the followers of its themes (`topics`) and of
its region, in bulk: a few queries per chunk of followers, whatever their
number. A page anyone may not see (a draft, a page behind a view
restriction or in a restricted section, an expired page) is announced to
nobody. News and library items name their authors in text, not as
members, so there are no followers of an author to tell.
"""

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Q
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published

from home.querysets import every_page
from notifications.channels import Channel
from notifications.models import Follow, Notification
from notifications.preferences import channels_for

EVENT = "followed_content"
CHUNK = 500

_ANNOUNCED = []


def announce_when_published(model):
    if not _ANNOUNCED:
        page_published.connect(_published, dispatch_uid="notifications-followed-content")
    _ANNOUNCED.append(model)


def _published(sender, instance, **kwargs):
    if not isinstance(instance, tuple(_ANNOUNCED)):
        return
    # Wagtail sets both dates to the same moment on the first publication.
    if instance.first_published_at != instance.last_published_at:
        return
    page_id = instance.pk
    transaction.on_commit(lambda: notify_followers.enqueue(page_id))


def follow_keys(page):
    """[(kind, key)] of what the page can be followed through."""
    keys = []
    topics = getattr(page, "topics", None)
    if topics is not None:
        keys += [("theme", str(key)) for key in topics.values_list("translation_key", flat=True)]
    region_id = getattr(page, "region_id", None)
    if region_id is not None:
        keys.append(("region", str(page.region.translation_key)))
    return keys


@task()
def notify_followers(page_id):
    """Tell the followers of the page's themes and region that it is out."""
    page = every_page().visible().filter(pk=page_id).specific().first()
    if page is None:
        return 0
    earlier = (
        Page.objects.filter(translation_key=page.translation_key, first_published_at__isnull=False)
        .exclude(pk=page.pk)
        .filter(first_published_at__lt=page.first_published_at)
    )
    if earlier.exists():
        return 0
    keys = follow_keys(page)
    if not keys:
        return 0
    which = Q()
    for kind, key in keys:
        which |= Q(kind=kind, key=key)
    follower_ids = list(
        Follow.objects.filter(which, user__is_active=True)
        .exclude(user_id=page.owner_id)
        .values_list("user_id", flat=True)
        .distinct()
        .order_by("user_id")
    )
    target_type = ContentType.objects.get_for_model(page, for_concrete_model=False)
    told = 0
    for start in range(0, len(follower_ids), CHUNK):
        told += _tell(follower_ids[start : start + CHUNK], page, target_type)
    return told


def _tell(user_ids, page, target_type):
    """Notifications for one chunk of followers: three queries, and a task
    per follower who wants the e-mail at once. The batch key makes a task
    that runs twice (a retry) tell nobody twice."""
    from notifications.tasks import send_notification

    batch_key = f"{EVENT}:{page.translation_key}"
    channels = channels_for(user_ids, EVENT)
    wanted = [user_id for user_id in user_ids if channels[user_id] != Channel.OFF]
    Notification.objects.bulk_create(
        [
            Notification(
                recipient_id=user_id,
                event=EVENT,
                target_type=target_type,
                target_id=page.pk,
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
    return len(wanted)
