"""Fixtures of the editorial dashboard tests: a Russian library and event
calendar (each translated into English), and helpers that put work on a
region's plate — an item under review, an item without its English
translation or with an outdated one, an upcoming event with registrations,
comments waiting for a moderator. Regions come from tests/conftest.py."""

import datetime
import itertools

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.utils import timezone
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment
from wagtail.models import GroupPagePermission, Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from home.demo import child_page, translate
from home.workflows import region_group_name
from library.models import CaseStudyPage, LibraryIndexPage
from rusmeco_events.models import EventIndexPage, EventPage, Registration

_numbers = itertools.count(1)


@pytest.fixture
def library_ru(home_ru):
    return child_page(home_ru, LibraryIndexPage, "library", title="Библиотека")


@pytest.fixture
def library_en(library_ru, home_en):
    return translate(library_ru, "en", {"Библиотека": "Library"})


@pytest.fixture
def calendar_ru(home_ru):
    return child_page(home_ru, EventIndexPage, "events", title="Мероприятия")


@pytest.fixture
def calendar_en(calendar_ru, home_en):
    return translate(calendar_ru, "en", {"Мероприятия": "Events"})


def make_user(username, *groups, language="ru", **extra):
    user = get_user_model().objects.create_user(
        username, f"{username}@rusmeco.example", f"pw-{username}-12345", **extra
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    return user


def case_study(library, region, title, live=True):
    number = next(_numbers)
    page = CaseStudyPage(
        slug=f"case-{number}",
        locale=library.locale,
        title=title,
        summary="Коротко о кейсе.",
        company_name=f"Компания {number}",
        region=region,
        live=live,
    )
    library.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    return CaseStudyPage.objects.get(pk=page.pk)


def submit_for_review(library, region, title, editor):
    """A new item an editor has submitted: it waits in the regional review."""
    page = case_study(library, region, title, live=False)
    page.get_workflow().start(page, editor)
    return page


def outdated_translation(library, region, title):
    """An item translated with wagtail-localize, then changed and published
    again in Russian without a sync."""
    page = case_study(library, region, title)
    translate(page, "en", {title: f"{title} (en)"})
    page.summary = "Кейс дополнен новыми результатами."
    page.save_revision().publish()
    return page


def draft_translation(library, region, title):
    """An item whose English translation is started but not published."""
    page = case_study(library, region, title)
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en")
    )
    translation.save_target(publish=False)
    return page


def upcoming_event(calendar, region, title, *, days=7, capacity=None, confirmed=0, waiting=0):
    start = timezone.now() + datetime.timedelta(days=days)
    event = EventPage(
        slug=f"event-{next(_numbers)}",
        locale=calendar.locale,
        title=title,
        kind="meeting",
        region=region,
        start=start,
        end=start + datetime.timedelta(hours=2),
        capacity=capacity,
    )
    calendar.add_child(instance=event)
    event.save_revision().publish()
    statuses = [Registration.Status.CONFIRMED] * confirmed + [Registration.Status.WAITING] * waiting
    for status in statuses:
        member = make_user(f"member-{next(_numbers)}")
        Registration.objects.create(event=event, user=member, status=status, language="ru")
    return event


def comment(page, text, *, public=True, removed=False):
    author = make_user(f"author-{next(_numbers)}")
    return XtdComment.objects.create(
        content_type=ContentType.objects.get_for_model(page),
        object_pk=str(page.pk),
        site_id=1,
        user=author,
        user_name=author.username,
        comment=text,
        submit_date=timezone.now(),
        is_public=public,
        is_removed=removed,
    )


def flag(comment_, flag_=CommentFlag.SUGGEST_REMOVAL):
    member = make_user(f"flagger-{next(_numbers)}")
    return CommentFlag.objects.create(comment=comment_, user=member, flag=flag_)


def may_edit(region_slug, page):
    """Let the coordinators of a region edit `page` and the pages under it."""
    GroupPagePermission.objects.create(
        group=Group.objects.get(name=region_group_name(region_slug)),
        page=page,
        permission=Permission.objects.get(
            content_type__app_label="wagtailcore", codename="change_page"
        ),
    )


@pytest.fixture
def people(db):
    # Coordinators edit only what a test lets them (may_edit), whichever
    # page permissions the migrations gave their groups.
    GroupPagePermission.objects.filter(group__name__startswith="Region coordinators: ").delete()
    return {
        "editor": make_user("editor", "Editors"),
        "moscow": make_user("moscow", region_group_name("moscow"), language="en"),
        "ekaterinburg": make_user("ekb", region_group_name("ekaterinburg"), language="ru"),
        "coordinator": make_user("coordinator", "Coordinators"),
        "admin": make_user("admin", language="en", is_superuser=True),
    }
