"""Demo content for the notification centre: a few demo members follow
themes, regions and another member, and have a few unread notifications
from last week (and a like from yesterday), so that the bell has something
to show and `manage.py send_digests --dry-run` (and `--period daily`)
prints a digest right after loading the demo. Runs after the members
(community), events and library items it points at."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from wagtail.models import Locale

from home.demo import demo_loader
from home.models import Region, Topic
from library.models import LibraryItemPage
from notifications.digest import period_of
from notifications.models import Follow, MemberSettings, Notification

# login: [(kind, slug or login)]
FOLLOWS = {
    "anna.sokolova": [
        ("theme", "ipr"),
        ("region", "st-petersburg"),
        ("member", "dmitry.kuznetsov"),
    ],
    "alexei.morozov": [("theme", "quality-management"), ("member", "anna.sokolova")],
    "vladimir.popov": [("region", "moscow"), ("theme", "innovation-management")],
}
# Members who read their e-mails in English.
ENGLISH = ["alexei.morozov"]
# (recipient, event, actor or None, library item slug)
NOTIFICATIONS = [
    ("anna.sokolova", "followed_content", None, "patent-attorney-questions"),
    ("anna.sokolova", "watched_post", "dmitry.kuznetsov", "zelenograd-patent"),
    ("anna.sokolova", "like", "pavel.orlov", "zelenograd-patent"),
    ("alexei.morozov", "followed_content", None, "ural-ip-management"),
    ("vladimir.popov", "watched_post", "yulia.egorova", "marketing-the-new"),
]


@demo_loader(order=70)
def load_notifications(stdout):
    users = {user.username: user for user in get_user_model().objects.filter(is_active=True)}
    ru = Locale.objects.get(language_code="ru")
    terms = {
        ("theme", topic.slug): str(topic.translation_key)
        for topic in Topic.objects.filter(locale=ru)
    } | {
        ("region", region.slug): str(region.translation_key)
        for region in Region.objects.filter(locale=ru)
    }
    follows = 0
    for login, followed in FOLLOWS.items():
        if login not in users:
            continue
        for kind, name in followed:
            if kind == "member":
                key = str(users[name].pk) if name in users else None
            else:
                key = terms.get((kind, name))
            if key is None:
                continue
            Follow.objects.get_or_create(user=users[login], kind=kind, key=key)
            follows += 1
    for login in ENGLISH:
        if login in users:
            MemberSettings.objects.get_or_create(user=users[login], defaults={"language": "en"})
    created = sum(_notification(users, *row) for row in NOTIFICATIONS)
    stdout.write(
        f"Notifications: {follows} follows and {created} new notifications for "
        f"{len(FOLLOWS)} members; try `manage.py send_digests --dry-run`."
    )


def _notification(users, login, event, actor, slug):
    """Make the notification unless it exists; True if it was made. Dated
    in last week (a like yesterday), the period the digests cover."""
    page = LibraryItemPage.objects.filter(slug=slug, locale__language_code="ru").first()
    if login not in users or page is None:
        return False
    page = page.specific
    fields = {
        "recipient": users[login],
        "event": event,
        "target_type": ContentType.objects.get_for_model(page, for_concrete_model=False),
        "target_id": page.pk,
    }
    if Notification.objects.filter(**fields).exists():
        return False
    notification = Notification.objects.create(actor=users.get(actor), **fields)
    if event == "like":
        when = timezone.now() - datetime.timedelta(days=1)
    else:
        when = period_of("weekly").start + datetime.timedelta(days=2, hours=10)
    Notification.objects.filter(pk=notification.pk).update(created_at=when, updated_at=when)
    return True
