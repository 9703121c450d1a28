"""Factories for what the tests put in the database, made as the portal
makes it: members with a confirmed address and a profile, staff in their
groups, regions and themes, library items, events, regional news,
companies and comments; and `translate`, which gives a page or a snippet
its English version.

Pages go under `parent` and are published through a revision, as an
editor's "Publish" does (live=False leaves a draft). Regions, themes and
pages are made in Russian, the source language; `translate` adds English.
"""

import datetime
import itertools

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from factory.django import DjangoModelFactory, Password
from wagtail.models import GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from community.models import Company, CompanyMembership, NewsPage, Profile, Role
from home import demo
from home.markdown import render_markdown
from home.models import Region, Topic
from home.region_roles import region_group_name
from library.models import ArticlePage, CaseStudyPage, ItemType
from rusmeco_events.models import EventPage, Registration
from tests.helpers import in_days

PASSWORD = "pw-Correct-horse-42"

# --- translations ------------------------------------------------------------


def translate(instance, language_code="en", **fields):
    """The version of a page or translatable snippet in `language_code`:
    Wagtail's own copy for translation with `fields` (title="…", name="…")
    set on it, a page published at once. As with wagtail-localize, parent
    pages not translated yet are copied as aliases, the region follows the
    language and the themes stay as they are (the portal shows them in the
    page's language).

    Use it wherever a test needs another language; tests about translation
    itself use translate_with_localize."""
    locale = Locale.objects.get(language_code=language_code)
    if isinstance(instance, Page):
        copy = instance.copy_for_translation(locale, copy_parents=True)
    else:
        copy = instance.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(copy, name, value)
    _follow_language(copy, locale)
    if not isinstance(copy, Page):
        copy.save()
        return copy
    copy.save_revision().publish()
    return type(copy).objects.get(pk=copy.pk)


def _follow_language(copy, locale):
    """Point the copy's editable links to translatable snippets (a region)
    at their versions in `locale`, where those exist: wagtail-localize
    translates these, and keeps links to pages and many-to-many ones."""
    for field in copy._meta.get_fields():
        if not (isinstance(field, models.ForeignKey) and field.editable):
            continue
        related_model = field.related_model
        if issubclass(related_model, TranslatableMixin) and not issubclass(related_model, Page):
            linked = getattr(copy, field.name)
            if linked is not None:
                setattr(copy, field.name, linked.get_translation_or_none(locale) or linked)


def translate_with_localize(instance, language_code="en", **fields):
    """The same translation made with wagtail-localize, as a coordinator's
    is: a translation source, a string translation per field, and the
    target saved from them (home.demo.translate).

    Use it in tests about translation, where what wagtail-localize records
    matters: syncing, the translation editor, the review of translations."""
    strings = {getattr(instance, name): value for name, value in fields.items()}
    return demo.translate(instance, language_code, strings)


def outdated_translation(page):
    """Translate `page` with wagtail-localize, then publish a change to the
    Russian page without a sync: its English version is out of date. Use it
    for a page that waits for "Sync translated pages"."""
    translate_with_localize(page, title=f"{page.title} (en)")
    page.summary = "Кейс дополнен новыми результатами."
    page.save_revision().publish()
    return page


def draft_translation(page):
    """Start the English translation of `page` with wagtail-localize and
    leave it unpublished. Use it for a translation that waits for its
    translator."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=False)
    return page


# --- people --------------------------------------------------------------------


class ConfirmedAddressFactory(DjangoModelFactory):
    """The member's e-mail address, confirmed and primary."""

    class Meta:
        model = EmailAddress

    email = factory.LazyAttribute(lambda address: address.user.email)
    verified = True
    primary = True


class ProfileFactory(DjangoModelFactory):
    """A member's person profile, named as the account is; `themes` is a
    list of topics. MemberFactory makes one for each member."""

    class Meta:
        model = Profile
        skip_postgeneration_save = True

    display_name = factory.LazyAttribute(
        lambda profile: profile.user.get_full_name() or profile.user.get_username()
    )

    @factory.post_generation
    def themes(profile, create, themes, **kwargs):
        if create and themes:
            profile.themes.set(themes)


class MemberFactory(DjangoModelFactory):
    """A member as signing up makes one: an account named `name`, with its
    e-mail address confirmed (address=None for none) and a person profile
    (members only unless profile__visibility says otherwise; profile=None
    for none).

    Use it for everyone who takes part on the site; people who work in the
    admin come from StaffFactory."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    class Params:
        name = factory.LazyAttribute(lambda member: member.username.title())

    username = factory.Sequence(lambda number: f"member{number}")
    email = factory.LazyAttribute(lambda member: f"{member.username}@members.example")
    # Signing up stores the display name as the account's name.
    first_name = factory.SelfAttribute("name")
    password = Password(PASSWORD)
    address = factory.RelatedFactory(ConfirmedAddressFactory, factory_related_name="user")
    profile = factory.RelatedFactory(ProfileFactory, factory_related_name="user")


class StaffFactory(DjangoModelFactory):
    """Someone who works in the admin: an account in the groups named in
    `groups`, with the admin in `language` when given.

    Use it for editors, coordinators, translators, moderators and
    superusers (is_superuser=True)."""

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda number: f"staff{number}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@rusmeco.example")
    password = Password(PASSWORD)

    @factory.post_generation
    def groups(user, create, names, **kwargs):
        if create and names:
            groups = Group.objects.filter(name__in=names)
            assert len(groups) == len(names), names
            user.groups.add(*groups)

    @factory.post_generation
    def language(user, create, language, **kwargs):
        if create and language:
            profile = UserProfile.get_for_user(user)
            profile.preferred_language = language
            profile.save()


def may_edit(region_slug, page):
    """Let the coordinators of a region edit `page` and the pages under it.
    Use it where a test decides which pages they may edit."""
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=region_group_name(region_slug)),
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )


# --- regions and themes --------------------------------------------------------


def _russian():
    return Locale.objects.get(language_code="ru")


class TaxonomyTermFactory(DjangoModelFactory):
    """The base of RegionFactory and TopicFactory: a term in Russian, the
    source language; translate() gives it its English name. The `regions`
    and `topics` fixtures hold the usual ones: use these factories for a
    term a test adds."""

    class Meta:
        abstract = True

    locale = factory.LazyFunction(_russian)
    sort_order = factory.Sequence(int)


class RegionFactory(TaxonomyTermFactory):
    class Meta:
        model = Region

    slug = factory.Sequence(lambda number: f"region-{number}")
    name = factory.Sequence(lambda number: f"Регион {number}")
    time_zone = "Europe/Moscow"


class TopicFactory(TaxonomyTermFactory):
    class Meta:
        model = Topic

    slug = factory.Sequence(lambda number: f"theme-{number}")
    name = factory.Sequence(lambda number: f"Тема {number}")


def _moscow(locale):
    """The Moscow region in `locale`, where events and companies are unless
    a test says otherwise; None while there are no regions."""
    return Region.objects.filter(locale=locale, slug="moscow").first()


# --- pages ---------------------------------------------------------------------


class PageFactory(wagtail_factories.PageFactory):
    """The base of the page factories: the page goes under `parent` and is
    published through a revision; with live=False it stays a draft. Index
    pages come from the fixtures (tests/conftest.py)."""

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        page = super()._create(model_class, *args, **kwargs)
        revision = page.save_revision()
        if page.live:
            revision.publish()
        return model_class.objects.get(pk=page.pk)


_item_numbers = itertools.count(1)


class LibraryItemFactory(PageFactory):
    """The base of library items: numbered, each published a day after the
    previous one in 2007, so they list in the order they were made."""

    class Meta:
        abstract = True

    class Params:
        number = factory.LazyFunction(lambda: next(_item_numbers))

    slug = factory.LazyAttribute(lambda item: f"item-{item.number}")
    title = factory.LazyAttribute(lambda item: f"Материал {item.number}")
    summary = factory.LazyAttribute(lambda item: f"Краткое содержание материала {item.number}.")
    publication_date = factory.LazyAttribute(
        lambda item: datetime.date(2007, 1, 1) + datetime.timedelta(days=item.number)
    )
    authors = "Анна Смирнова"


class CaseStudyPageFactory(LibraryItemFactory):
    """A case study under `parent` (a library)."""

    class Meta:
        model = CaseStudyPage

    company_name = factory.LazyAttribute(lambda item: f"Компания {item.number}")
    situation = factory.LazyFunction(lambda: [("paragraph", "<p>Ситуация компании.</p>")])


class ArticlePageFactory(LibraryItemFactory):
    """An article (or, with item_type, expert advice or a report) under
    `parent` (a library)."""

    class Meta:
        model = ArticlePage

    item_type = ItemType.ARTICLE
    body = factory.LazyFunction(lambda: [("paragraph", "<p>Текст статьи.</p>")])


class EventPageFactory(PageFactory):
    """An event under `parent` (an event calendar): by default a
    face-to-face meeting in Moscow a week from now, two hours long."""

    class Meta:
        model = EventPage

    slug = factory.Sequence(lambda number: f"event-{number}")
    title = factory.LazyAttribute(lambda event: f"Событие {event.slug}")
    kind = "meeting"
    start = factory.LazyFunction(lambda: in_days(7))
    end = factory.LazyAttribute(lambda event: event.start + datetime.timedelta(hours=2))
    summary = "Короткое описание."
    region = factory.LazyAttribute(
        lambda event: _moscow(event.parent.locale) if event.kind == "meeting" else None
    )


class RegistrationFactory(DjangoModelFactory):
    """A registration for `event`, by a new member unless `user` is given,
    confirmed and in Russian unless said otherwise."""

    class Meta:
        model = Registration

    user = factory.SubFactory(MemberFactory)
    status = Registration.Status.CONFIRMED
    language = "ru"


class NewsPageFactory(PageFactory):
    """A news item under `parent` (a region's page, whose region it takes),
    dated `days_ago` days back (yesterday by default)."""

    class Meta:
        model = NewsPage

    class Params:
        days_ago = 1

    slug = factory.Sequence(lambda number: f"news-{number}")
    title = factory.Sequence(lambda number: f"Новость {number}")
    date = factory.LazyAttribute(
        lambda news: datetime.date.today() - datetime.timedelta(days=news.days_ago)
    )
    summary = factory.LazyAttribute(lambda news: f"Кратко: {news.title}")


# --- companies and comments ----------------------------------------------------


class CompanyFactory(DjangoModelFactory):
    """A company in Moscow, with `manager` as its manager and `members` as
    accepted members; its address comes from its name unless `slug` is
    given."""

    class Meta:
        model = Company
        skip_postgeneration_save = True

    name = factory.Sequence(lambda number: f"Компания {number}")
    sector = "software"
    region = factory.LazyFunction(lambda: _moscow(_russian()))

    @factory.post_generation
    def manager(company, create, manager, **kwargs):
        if create and manager is not None:
            CompanyMembership.objects.create(
                company=company, user=manager, role=Role.MANAGER, accepted=True
            )

    @factory.post_generation
    def members(company, create, members, **kwargs):
        for member in members or ():
            CompanyMembership.objects.create(
                company=company, user=member, role=Role.MEMBER, accepted=True
            )


class CommentFactory(DjangoModelFactory):
    """A comment on `page` by `user` (a new member unless given), public;
    `parent` makes it a reply."""

    class Meta:
        model = XtdComment

    class Params:
        page = None
        parent = None

    content_type = factory.LazyAttribute(
        lambda comment: ContentType.objects.get_for_model(comment.page)
    )
    object_pk = factory.LazyAttribute(lambda comment: str(comment.page.pk))
    site_id = settings.SITE_ID
    user = factory.SubFactory(MemberFactory)
    user_name = factory.LazyAttribute(lambda comment: comment.user.get_full_name())
    user_email = factory.LazyAttribute(lambda comment: comment.user.email)
    comment = factory.Sequence(lambda number: f"Комментарий {number}")
    submit_date = factory.LazyFunction(timezone.now)
    parent_id = factory.LazyAttribute(lambda comment: comment.parent.pk if comment.parent else 0)


class CommentFlagFactory(DjangoModelFactory):
    """A flag on `comment` by a new member: a suggestion to remove it unless
    `flag` says otherwise."""

    class Meta:
        model = CommentFlag

    user = factory.SubFactory(MemberFactory)
    flag = CommentFlag.SUGGEST_REMOVAL


# --- the coordinators' panel -----------------------------------------------------

CITIES = {"moscow": "Москва", "ekaterinburg": "Екатеринбург"}


def put_work(region, library, calendar, editor, copies=1):
    """Work waiting in `region` (Moscow or Ekaterinburg) for the
    coordinators' panel, `copies` of each kind, titled with the region's
    city: per copy one item under review, two items to translate, an
    upcoming event with two of two seats taken and one member waiting, and
    two comments for a moderator (among others that need nothing); and a
    past event. Use it to fill the panel (editorial/)."""
    city = CITIES[region.slug]
    for number in range(1, copies + 1):
        under_review = CaseStudyPageFactory(
            parent=library, region=region, title=f"{city}: кейс на проверке {number}", live=False
        )
        under_review.get_workflow().start(under_review, editor)
        untranslated = CaseStudyPageFactory(
            parent=library, region=region, title=f"{city}: кейс без перевода {number}"
        )
        outdated_translation(
            CaseStudyPageFactory(
                parent=library, region=region, title=f"{city}: кейс с устаревшим переводом {number}"
            )
        )
        event = EventPageFactory(
            parent=calendar,
            region=region,
            title=f"{city}: встреча {number}",
            start=in_days(number),
            capacity=2,
        )
        RegistrationFactory.create_batch(2, event=event)
        RegistrationFactory(event=event, status=Registration.Status.WAITING)
        translate(event)

        CommentFactory(page=untranslated, comment="Ждёт одобрения", is_public=False)
        CommentFlagFactory(comment=CommentFactory(page=untranslated, comment="Отмечен участником"))
        approved = CommentFactory(page=untranslated, comment="Одобрен модератором")
        CommentFlagFactory(comment=approved)
        CommentFlagFactory(comment=approved, flag=CommentFlag.MODERATOR_APPROVAL)
        CommentFactory(
            page=untranslated, comment="Скрыт модератором", is_public=False, is_removed=True
        )
        CommentFactory(page=untranslated, comment="Обычный комментарий")
    past = EventPageFactory(
        parent=calendar, region=region, title=f"{city}: прошедшая встреча", start=in_days(-3)
    )
    translate(past)


# --- forums --------------------------------------------------------------------


class BoardPageFactory(PageFactory):
    """A forum board under `parent` (a forums index)."""

    class Meta:
        model = "forums.BoardPage"

    slug = factory.Sequence(lambda number: f"board-{number}")
    title = factory.Sequence(lambda number: f"Раздел форума {number}")
    description = "Обсуждаем вопросы участников."


class ForumTopicFactory(DjangoModelFactory):
    """A topic of `board` (a BoardPage in any language) with its first
    post by its author (created topics only; build() makes rows for
    bulk_create, without posts)."""

    class Meta:
        model = "forums.Topic"
        exclude = ["board"]
        skip_postgeneration_save = True

    board = None
    board_key = factory.LazyAttribute(lambda topic: topic.board.translation_key)
    title = factory.Sequence(lambda number: f"Тема {number}")
    language = "ru"
    author = factory.SubFactory(MemberFactory)

    @factory.post_generation
    def first_post(topic, create, body, **kwargs):
        if create:
            post = ForumPostFactory(topic=topic, author=topic.author, body=body or "Вопрос.")
            topic.last_post = post
            topic.last_activity_at = post.created_at
            topic.save(update_fields=["last_post", "last_activity_at"])


class ForumPostFactory(DjangoModelFactory):
    """A post in `topic`, its HTML rendered as the site renders it. It
    does not move the topic's counts: replies that must count are posted
    through the site (forums/posting.py)."""

    class Meta:
        model = "forums.Post"

    author = factory.SubFactory(MemberFactory)
    body = factory.Sequence(lambda number: f"Сообщение {number}.")
    html = factory.LazyAttribute(lambda post: render_markdown(post.body, post.author)[0])


# --- member blogs ----------------------------------------------------------------

from blogs.choices import PostStatus  # noqa: E402  (kept with the blogs' factories)
from blogs.models import BlogPost  # noqa: E402


class BlogPostFactory(DjangoModelFactory):
    """A published post in a member's blog (status=PostStatus.DRAFT and
    published_at=None for a draft); `html` is rendered from `body` as the
    writing form does; `themes` is a list of topics."""

    class Meta:
        model = BlogPost
        skip_postgeneration_save = True

    author = factory.SubFactory(MemberFactory)
    title = factory.Sequence(lambda number: f"Заметка {number}")
    slug = factory.Sequence(lambda number: f"post-{number}")
    body = "Опыт нашей компании: **что сработало**."
    html = factory.LazyAttribute(lambda post: f"<p>{post.body}</p>")
    language = "ru"
    status = PostStatus.PUBLISHED
    published_at = factory.LazyFunction(timezone.now)

    @factory.post_generation
    def themes(post, create, themes, **kwargs):
        if create and themes:
            post.themes.set(themes)


class ListingPageFactory(PageFactory):
    """A published technology offer under `parent` (a partnerships page)
    of a new Moscow software company, open for six months; `topics` sets
    its themes."""

    class Meta:
        model = "partnerships.ListingPage"
        skip_postgeneration_save = True

    slug = factory.Sequence(lambda number: f"listing-{number}")
    title = factory.Sequence(lambda number: f"Предложение {number}")
    company = factory.SubFactory(CompanyFactory)
    listing_type = "technology_offer"
    summary = "Краткое описание предложения."
    description = "Подробное описание предложения."
    sought = "Партнёр для совместной разработки."
    sector = "software"
    stage = "prototype"
    region = factory.LazyAttribute(lambda listing: _moscow(listing.parent.locale))
    expire_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=182))

    @factory.post_generation
    def topics(listing, create, topics, **kwargs):
        if create and topics:
            listing.topics.set(topics)
            revision = listing.save_revision()
            if listing.live:
                revision.publish()


# --- self-assessment ---------------------------------------------------------------

LEVELS = ["Нет", "Начали", "Работает", "Образец для других"]


def dimension_data(number, title, topics=(), questions=2, levels=LEVELS):
    """The raw StreamField data of one dimension (block id "dim-<number>",
    its questions "q<n>"), with `questions` questions on the scale
    `levels` and these themes (home.Topic)."""
    return {
        "type": "dimension",
        "id": f"dim-{number}",
        "value": {
            "title": title,
            "description": f"Описание: {title}.",
            "themes": [
                {"type": "item", "id": f"t{number}-{i}", "value": topic.pk}
                for i, topic in enumerate(topics)
            ],
            "advice_low": f"Низкий: {title}.",
            "advice_medium": f"Средний: {title}.",
            "advice_high": f"Высокий: {title}.",
            "questions": [
                {
                    "type": "item",
                    "id": f"q{n}",
                    "value": {
                        "text": f"Вопрос {n} о {title}?",
                        "levels": [
                            {"type": "item", "id": f"l{n}-{i}", "value": level}
                            for i, level in enumerate(levels)
                        ],
                    },
                }
                for n in range(1, questions + 1)
            ],
        },
    }


class AssessmentPageFactory(PageFactory):
    """A self-assessment under `parent` (the home page) with three
    dimensions of two questions on four levels; `dimensions` replaces them
    (raw data, see dimension_data)."""

    class Meta:
        model = "assessments.AssessmentPage"

    slug = "self-assessment"
    title = "Самооценка"
    intro = "Оцените свою компанию."
    dimensions = factory.LazyFunction(
        lambda: [
            dimension_data(1, "Управление инновациями"),
            dimension_data(2, "Финансы"),
            dimension_data(3, "Качество"),
        ]
    )


class AssessmentResultFactory(DjangoModelFactory):
    """A saved result of `assessment` (a page) by a new member, with the
    same score in each of its dimensions unless `scores` is given."""

    class Meta:
        model = "assessments.AssessmentResult"
        exclude = ["assessment", "score"]

    assessment = None
    score = 50
    member = factory.SubFactory(MemberFactory)
    assessment_key = factory.LazyAttribute(lambda result: result.assessment.translation_key)
    scores = factory.LazyAttribute(
        lambda result: {child.id: result.score for child in result.assessment.dimensions}
    )


# --- glossary ----------------------------------------------------------------


class GlossaryTermFactory(DjangoModelFactory):
    """A pair of terms of the community's glossary (glossary/models.py)."""

    class Meta:
        model = "glossary.GlossaryTerm"

    term_ru = factory.Sequence(lambda number: f"термин {number}")
    term_en = factory.Sequence(lambda number: f"term {number}")
