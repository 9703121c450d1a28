"""The digest e-mails: weekly and daily, one e-mail per member.

The weekly digest tells a member what is new in the themes and regions
they follow (or, when they follow nothing, in their profile's region), by
the members they follow, the most active discussions, the events coming
up in their region, and their unread notifications of event types they
chose to hear of weekly. The daily digest gathers their unread
notifications of event types on the daily channel (likes, by default).
Nothing to tell, no e-mail.

Only what anyone may see goes in: live pages, not restricted, not
expired (`.visible()`), and notifications through `describe`, which drops
what the member may no longer see and names only members whose profile
they may see. Each member reads it in their e-mail language, with the
live translation of each page when there is one.

Members are taken in batches (`batch_size`); a batch costs the same few
queries however many members it has: the period's content is loaded once
for the whole run, and each batch loads its members (with profiles and
regions), follows, preferences, languages, digests already sent and
notifications in one query each. A member's digest is recorded
(DigestSent) in the same transaction that queues their e-mail, so running
again for the same period sends nothing twice.

Apps add their discussions (forums, blogs) to the weekly digest with the
`register_digest_discussions` hook: a function of (start, end, limit)
returning a list of `Discussion`, the most active first (see
library/wagtail_hooks.py for the library's comments).
"""

import datetime
import heapq
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from types import SimpleNamespace

from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import get_connection
from django.db import transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from home.hooks import hook_results
from home.models import Region, Topic
from home.terms import terms_of_language
from notifications.channels import Channel
from notifications.display import describe, for_display
from notifications.emails import member_message
from notifications.events import EVENT_TYPES
from notifications.models import DigestSent, Follow, MemberSettings, Notification, Preference
from notifications.targets import same_for_every_member
from portal.links import absolute_url

WEEKLY, DAILY = "weekly", "daily"
PERIODS = (WEEKLY, DAILY)
NEW_ITEMS_SHOWN = 20
DISCUSSIONS_SHOWN = 5
UPCOMING_DAYS = 14
UPCOMING_SHOWN = 10
BATCH_SIZE = 500


# --- the period ------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    name: str
    # The first day the digest covers (a Monday for weekly), and the
    # moments it starts and ends (local midnights, end excluded).
    starts_on: datetime.date
    start: datetime.datetime
    end: datetime.datetime

    @property
    def last_day(self):
        return timezone.localdate(self.end) - datetime.timedelta(days=1)


def period_of(name, today=None):
    """The period a digest sent on `today` (default: today) covers: the
    week before this week's Monday, or yesterday."""
    today = today or timezone.localdate()
    if name == WEEKLY:
        end_day = today - datetime.timedelta(days=today.weekday())
        starts_on = end_day - datetime.timedelta(days=7)
    elif name == DAILY:
        end_day = today
        starts_on = today - datetime.timedelta(days=1)
    else:
        raise ValueError(name)

    def midnight(day):
        return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))

    return Period(name, starts_on, midnight(starts_on), midnight(end_day))


# --- the period's content, loaded once -------------------------------------------


@dataclass
class Versions:
    """One page in its languages: {language code: page}, visible ones only."""

    pages: dict = field(default_factory=dict)

    def add(self, page, language):
        self.pages.setdefault(language, page)

    def in_language(self, language):
        """The page in `language`, else in the site's first language, else
        in any."""
        return (
            self.pages.get(language)
            or self.pages.get(settings.LANGUAGE_CODE)
            or next(iter(self.pages.values()))
        )


@dataclass
class NewItem:
    key: str
    kind: object
    published: datetime.datetime
    versions: Versions
    themes: set = field(default_factory=set)
    region: str = ""
    owner_id: int | None = None


@dataclass
class Discussion:
    """An active discussion of the period: `versions` is the page (or the
    object with `title` and `full_url`) by language, `count` how many
    contributions it had."""

    key: str
    versions: Versions
    count: int


@dataclass(frozen=True)
class Link:
    title: str
    full_url: str
    kind: str = ""
    date: object = None
    count: int = 0


class _SiteRoots(SimpleNamespace):
    """Where Wagtail keeps the site root paths while it computes many page
    URLs, so that they are read once, not once per page."""

    def __init__(self):
        super().__init__(_wagtail_cached_site_root_paths=Site.get_site_root_paths())


def _full_url(page, roots):
    """The page's address on the portal's public address (the base of
    every link in e-mails, portal/links.py)."""
    if not hasattr(page, "digest_url"):
        parts = page.get_url_parts(roots)
        page.digest_url = absolute_url(parts[2]) if parts else ""
    return page.digest_url


def _new_content_sources():
    """(model, kind label, has themes) of the pages the weekly digest
    announces."""
    from community.models import NewsPage
    from library.models import LibraryItemPage
    from rusmeco_events.models import EventPage

    return [
        (LibraryItemPage, _("Library"), True),
        (EventPage, _("Event"), True),
        (NewsPage, _("News"), False),
    ]


def _new_items(period):
    """{translation key: NewItem} for the pages first published in the
    period (a page whose other language was out before is not new), in
    every language they are visible in. Two queries per kind of page."""
    items = {}
    earlier = Page.objects.filter(
        translation_key=OuterRef("translation_key"),
        live=True,
        first_published_at__lt=period.start,
    )
    for model, kind, has_themes in _new_content_sources():
        pages = (
            model.objects.visible()
            .filter(first_published_at__gte=period.start, first_published_at__lt=period.end)
            .exclude(Exists(earlier))
        )
        themes = defaultdict(set)
        if has_themes:
            rows = pages.filter(topics__isnull=False).values_list("pk", "topics__translation_key")
            for pk, theme in rows:
                themes[pk].add(str(theme))
        for page in (
            pages.defer_streamfields()
            .select_related("locale")
            .annotate(region_key=F("region__translation_key"))
            .order_by("pk")
        ):
            key = str(page.translation_key)
            item = items.get(key)
            if item is None:
                item = items[key] = NewItem(key, kind, page.first_published_at, Versions())
            item.versions.add(page, page.locale.language_code)
            item.published = min(item.published, page.first_published_at)
            item.themes |= themes[page.pk]
            item.region = item.region or str(page.region_key or "")
            item.owner_id = item.owner_id or page.owner_id
    return items


def _upcoming_events(now):
    """{region translation key: [Versions]} of the events starting in the
    next UPCOMING_DAYS days, soonest first: one query."""
    from rusmeco_events.models import EventPage

    events = (
        EventPage.objects.visible()
        .filter(start__gte=now, start__lt=now + datetime.timedelta(days=UPCOMING_DAYS))
        .exclude(region__isnull=True)
        .defer_streamfields()
        .select_related("locale", "region")
        .order_by("start", "pk")
    )
    by_key = {}
    by_region = defaultdict(list)
    for event in events:
        key = str(event.translation_key)
        if key not in by_key:
            by_key[key] = Versions()
            by_region[str(event.region.translation_key)].append(by_key[key])
        by_key[key].add(event, event.locale.language_code)
    return by_region


def page_versions(pages_by_key, model):
    """{translation key: Versions} of the visible pages of `model` with
    these translation keys, in every language: one query. For discussion
    hooks."""
    versions = defaultdict(Versions)
    pages = (
        model.objects.visible()
        .filter(translation_key__in=list(pages_by_key))
        .defer_streamfields()
        .select_related("locale")
        .order_by("pk")
    )
    for page in pages:
        versions[str(page.translation_key)].add(page, page.locale.language_code)
    return versions


def _discussions(period):
    found = []
    for discussions in hook_results(
        "register_digest_discussions", period.start, period.end, DISCUSSIONS_SHOWN
    ):
        found.extend(discussions)
    found.sort(key=lambda discussion: -discussion.count)
    return found[:DISCUSSIONS_SHOWN]


class _Names:
    """The names of themes and regions in each language (home/terms.py),
    by translation key."""

    def __init__(self):
        self._terms = list(Topic.objects.all()) + list(Region.objects.all())
        self._by_language = {}

    def of(self, language, keys):
        names = self._by_language.get(language)
        if names is None:
            local = terms_of_language(language)
            names = self._by_language[language] = {
                str(term.translation_key): local.localized(term).name for term in self._terms
            }
        return sorted({names[key] for key in keys if key in names})


@dataclass
class Content:
    """What the weekly digest of a period can tell, for every member."""

    new_items: dict
    by_theme: dict
    by_region: dict
    by_owner: dict
    upcoming: dict
    discussions: list
    names: _Names
    roots: _SiteRoots

    @classmethod
    def load(cls, period):
        new_items = _new_items(period)
        by_theme, by_region, by_owner = defaultdict(set), defaultdict(set), defaultdict(set)
        for key, item in new_items.items():
            for theme in item.themes:
                by_theme[theme].add(key)
            if item.region:
                by_region[item.region].add(key)
            if item.owner_id:
                by_owner[item.owner_id].add(key)
        return cls(
            new_items=new_items,
            by_theme=by_theme,
            by_region=by_region,
            by_owner=by_owner,
            upcoming=_upcoming_events(timezone.now()),
            discussions=_discussions(period),
            names=_Names(),
            roots=_SiteRoots(),
        )


# --- the members of a batch ------------------------------------------------------


def eligible_members(period):
    """Active members with a confirmed e-mail address who may get this
    period's digest: for the weekly one, those who did not turn it off;
    for the daily one, those with notifications not yet read or e-mailed."""
    confirmed = EmailAddress.objects.filter(
        user=OuterRef("pk"), email__iexact=OuterRef("email"), verified=True
    )
    members = get_user_model().objects.filter(is_active=True).exclude(email="")
    members = members.filter(Exists(confirmed))
    if period.name == WEEKLY:
        turned_off = Preference.objects.filter(
            user=OuterRef("pk"), event="digest", channel=Channel.OFF
        )
        return members.exclude(Exists(turned_off))
    waiting = Notification.objects.filter(
        recipient=OuterRef("pk"),
        read_at__isnull=True,
        emailed_at__isnull=True,
        updated_at__lt=period.end,
    )
    return members.filter(Exists(waiting))


def member_batches(period, batch_size):
    """Lists of at most `batch_size` eligible members, by primary key, with
    their profiles and regions: one query per batch, and only one batch in
    memory at a time."""
    members = eligible_members(period).select_related("profile__region").order_by("pk")
    last = 0
    while True:
        batch = list(members.filter(pk__gt=last)[:batch_size])
        if not batch:
            return
        yield batch
        last = batch[-1].pk


@dataclass
class Digest:
    member: object
    language: str
    notifications: list
    new_items: list = field(default_factory=list)
    followed: list = field(default_factory=list)
    own_region: str = ""
    upcoming: list = field(default_factory=list)
    discussions: list = field(default_factory=list)

    @property
    def has_news(self):
        """Whether there is anything of the member's own to tell: the most
        active discussions alone, the same for everyone, are not worth an
        e-mail."""
        return bool(self.new_items or self.upcoming or self.notifications)


class _Batch:
    """What a batch of members needs, in one query per kind of row."""

    def __init__(self, members, period):
        ids = [member.pk for member in members]
        self.members = members
        self.follows = defaultdict(lambda: defaultdict(set))
        for user_id, kind, key in Follow.objects.filter(user_id__in=ids).values_list(
            "user_id", "kind", "key"
        ):
            self.follows[user_id][kind].add(key)
        self.channels = defaultdict(dict)
        for user_id, event, channel in Preference.objects.filter(user_id__in=ids).values_list(
            "user_id", "event", "channel"
        ):
            self.channels[user_id][event] = channel
        self.languages = dict(
            MemberSettings.objects.filter(user_id__in=ids).values_list("user_id", "language")
        )
        self.sent = set(
            DigestSent.objects.filter(
                user_id__in=ids, period=period.name, starts_on=period.starts_on
            ).values_list("user_id", flat=True)
        )
        waiting = Notification.objects.filter(
            recipient_id__in=ids,
            read_at__isnull=True,
            emailed_at__isnull=True,
            updated_at__lt=period.end,
        )
        if period.name == WEEKLY:
            waiting = waiting.filter(updated_at__gte=period.start)
        wanted = Channel.WEEKLY if period.name == WEEKLY else Channel.DAILY
        self.notifications = defaultdict(list)
        for notification in for_display(waiting).order_by("-updated_at", "-pk"):
            if self.channel(notification.recipient_id, notification.event) == wanted:
                self.notifications[notification.recipient_id].append(notification)

    def channel(self, user_id, event):
        chosen = self.channels[user_id].get(event)
        if chosen is not None:
            return chosen
        event_type = EVENT_TYPES.get(event)
        return event_type.default if event_type is not None else Channel.OFF

    def language(self, member):
        return self.languages.get(member.pk, settings.LANGUAGE_CODE)

    def described(self):
        """{member id: [Item]}: the notifications as each member reads them.
        Those about pages (the same for every member) are described once
        per language for the whole batch, as a signed-in member who is none
        of the recipients sees them; the rest member by member."""
        readers = {member.pk: member for member in self.members}
        shared, own = defaultdict(list), []
        for user_id, notifications in self.notifications.items():
            for notification in notifications:
                target = notification.target
                if target is not None and same_for_every_member(type(target)):
                    shared[self.language(readers[user_id])].append(notification)
                else:
                    own.append(notification)
        items = defaultdict(list)
        someone = get_user_model()(is_active=True)
        for language, notifications in shared.items():
            with translation.override(language):
                for item in describe(notifications, someone):
                    items[item.notification.recipient_id].append(item)
        by_member = defaultdict(list)
        for notification in own:
            by_member[notification.recipient_id].append(notification)
        for user_id, notifications in by_member.items():
            reader = readers[user_id]
            with translation.override(self.language(reader)):
                items[user_id].extend(describe(notifications, reader))
        for found in items.values():
            found.sort(key=lambda item: item.notification.updated_at, reverse=True)
        return items


def _links(versions_list, language, roots, *, kind="", date=None):
    links = []
    for versions in versions_list:
        page = versions.in_language(language)
        links.append(
            Link(
                title=page.title,
                full_url=_full_url(page, roots),
                kind=str(kind),
                date=date(page) if date else None,
            )
        )
    return links


def _weekly(member, batch, content, items):
    language = batch.language(member)
    follows = batch.follows[member.pk]
    profile = getattr(member, "profile", None)
    region = profile.region if profile is not None and profile.region_id else None
    region_key = str(region.translation_key) if region is not None else ""
    themes, regions = follows["theme"], follows["region"]
    followed_members = {int(key) for key in follows["member"] if key.isdigit()}
    digest = Digest(member, language, items)
    keys = set()
    if themes or regions or followed_members:
        for theme in themes:
            keys |= content.by_theme.get(theme, set())
        for followed in regions:
            keys |= content.by_region.get(followed, set())
        for followed in followed_members:
            keys |= content.by_owner.get(followed, set())
        digest.followed = content.names.of(language, themes | regions)
    elif region_key:
        keys = content.by_region.get(region_key, set())
        digest.own_region = next(iter(content.names.of(language, {region_key})), "")
    new = heapq.nlargest(
        NEW_ITEMS_SHOWN,
        (content.new_items[key] for key in keys),
        key=lambda item: (item.published, item.key),
    )
    with translation.override(language):
        for item in new:
            page = item.versions.in_language(language)
            digest.new_items.append(
                Link(page.title, _full_url(page, content.roots), str(item.kind))
            )
    upcoming_regions = [region_key] if region_key else sorted(regions)
    upcoming = []
    for key in upcoming_regions:
        upcoming.extend(content.upcoming.get(key, []))
    digest.upcoming = _links(
        upcoming[:UPCOMING_SHOWN],
        language,
        content.roots,
        # In the time zone of the event's region, as its page shows it (a naive
        # time, which templates do not convert to the server's zone).
        date=lambda event: event.local_start.replace(tzinfo=None),
    )
    for discussion in content.discussions:
        page = discussion.versions.in_language(language)
        digest.discussions.append(
            Link(page.title, _full_url(page, content.roots), count=discussion.count)
        )
    return digest


def build_batch(members, period, content):
    """[Digest] for the members of one batch who have something to be told
    and were not sent this period's digest yet."""
    batch = _Batch(members, period)
    described = batch.described()
    digests = []
    for member in members:
        if member.pk in batch.sent:
            continue
        items = described.get(member.pk, [])
        if period.name == WEEKLY:
            digest = _weekly(member, batch, content, items)
        else:
            digest = Digest(member, batch.language(member), items)
        if digest.has_news:
            digests.append(digest)
    return digests


# --- the e-mails -----------------------------------------------------------------


SUBJECTS = {
    WEEKLY: _("Your weekly RUSMECO digest"),
    DAILY: _("Your daily RUSMECO digest"),
}


def unsubscribe_event(digest, period):
    """What the e-mail's unsubscribe link turns off: the weekly digest, or
    for a daily digest the event type most of its notifications are of."""
    if period.name == WEEKLY:
        return "digest"
    counts = Counter(item.notification.event for item in digest.notifications)
    return counts.most_common(1)[0][0]


def message_for(digest, period, connection=None):
    return member_message(
        digest.member,
        event=unsubscribe_event(digest, period),
        subject=SUBJECTS[period.name],
        template=f"notifications/emails/digest_{period.name}",
        context={"digest": digest, "period": period, "LANGUAGE_CODE": digest.language},
        language=digest.language,
        connection=connection,
    )


@dataclass
class Outcome:
    members: int = 0
    sent: int = 0


def send_digests(
    period_name=WEEKLY,
    *,
    today=None,
    dry_run=False,
    batch_size=BATCH_SIZE,
    write=None,
    progress=None,
):
    """Build and send the digests of a period. With `dry_run`, each
    e-mail's plain text goes to `write` and nothing is sent or recorded.
    `progress(done, total)` is called after each batch."""
    period = period_of(period_name, today)
    content = Content.load(period) if period.name == WEEKLY else None
    total = eligible_members(period).count()
    outcome = Outcome()
    for members in member_batches(period, batch_size):
        digests = build_batch(members, period, content)
        if dry_run:
            for digest in digests:
                message = message_for(digest, period)
                write(f"To: {message.to[0]}\nSubject: {message.subject}\n\n{message.body}\n")
        elif digests:
            _send(digests, period)
        outcome.members += len(members)
        outcome.sent += len(digests)
        if progress is not None:
            progress(outcome.members, total)
    return outcome


def _send(digests, period):
    """Record and send one batch's digests in one transaction: if sending
    fails, nothing of the batch is recorded (with the queued mail backend,
    nothing is queued either), and the next run tries again."""
    now = timezone.now()
    with transaction.atomic(), get_connection() as connection:
        DigestSent.objects.bulk_create(
            DigestSent(user=digest.member, period=period.name, starts_on=period.starts_on)
            for digest in digests
        )
        for digest in digests:
            message_for(digest, period, connection).send()
        Notification.objects.filter(
            pk__in=[item.notification.pk for digest in digests for item in digest.notifications]
        ).update(emailed_at=now)
