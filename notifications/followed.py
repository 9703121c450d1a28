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

from django.db import transaction
from django.db.models import Q
from django_tasks import task
from wagtail.models import Page
from wagtail.signals import page_published

from home.querysets import every_page
from notifications.models import Follow
from notifications.notify import notify_many

EVENT = "followed_content"

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
    follower_ids = (
        Follow.objects.filter(which)
        .exclude(user_id=page.owner_id)
        .values_list("user_id", flat=True)
        .distinct()
    )
    return notify_many(follower_ids, EVENT, target=page, key=page.translation_key)
