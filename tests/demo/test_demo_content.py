"""The demo site that `load_demo_content` builds, read by one test module.

The demo is built once for this module (tests/demo/conftest.py); each
section below checks one app's part of it, and that loading it again
changes nothing."""

import datetime
import io
import json
import re

from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation
from django.utils.formats import date_format
from django_comments_xtd.models import XtdComment
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, PageLogEntry, Revision, WorkflowState
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from community.demo_content import MEMBER_PASSWORD
from community.models import (
    Company,
    CompanyMembership,
    NewsPage,
    PeopleIndexPage,
    Profile,
    RegionIndexPage,
    RegionPage,
)
from forums.demo_content import load_forums
from forums.models import BoardPage, ForumIndexPage, Like, Post
from forums.models import Topic as ForumTopic
from home.models import FormField, Region, SiteSettings, Topic
from library.models import CaseStudyPage, LibraryIndexPage, LibraryItemPage, ReadCount
from notifications.models import DigestSent, Follow, Notification
from rusmeco_events.models import EventPage

# Every page of the demo speaks the language of its address (run here, on this
# module's demo site, rather than on a second one).
from tests.demo.page_languages import (  # noqa: F401
    test_every_page_speaks_the_language_of_its_address,
)

# --------------------
# `load_demo_content` builds a complete bilingual site, and running it again changes nothing.


def snapshot():
    return {
        "pages": sorted(Page.objects.values_list("id", "title", "locale__language_code", "live")),
        "revisions": Revision.objects.count(),
        "log_entries": PageLogEntry.objects.count(),
        "topics": sorted(Topic.objects.values_list("slug", "locale__language_code", "name")),
        "regions": sorted(Region.objects.values_list("slug", "locale__language_code", "name")),
        "form_fields": FormField.objects.count(),
        "translations": Translation.objects.count(),
        "string_translations": StringTranslation.objects.count(),
        "users": sorted(get_user_model().objects.values_list("username", flat=True)),
    }


def test_demo_content_is_idempotent(demo):
    first = snapshot()

    call_command("load_demo_content", stdout=io.StringIO())

    assert snapshot() == first


def test_demo_prints_the_admin_log_in(demo):
    assert "log in as “admin”" in demo
    assert get_user_model().objects.get(username="admin").is_superuser


def test_demo_builds_both_languages(demo):
    for language in ("ru", "en"):
        assert Topic.objects.filter(locale__language_code=language).count() == 8
        assert Region.objects.filter(locale__language_code=language).count() == 3
    assert Topic.objects.get(slug="ipr", locale__language_code="en").short_name == "IPR"
    assert Region.objects.get(slug="ekaterinburg", locale__language_code="en").time_zone == (
        "Asia/Yekaterinburg"
    )
    english_titles = set(
        Page.objects.live().filter(locale__language_code="en").values_list("title", flat=True)
    )
    assert {"About the project", "Contact us"} <= english_titles


def test_demo_site_is_served_in_both_languages(demo, client):
    russian = client.get("/ru/").text
    english = client.get("/en/").text

    assert "Что даёт участие" in russian
    assert "What members get" in english
    assert "Free training tailored to small and medium-sized companies." in english
    # The main menu and the footer follow the language.
    assert 'href="/en/about/"' in english and 'href="/en/contact/"' in english
    assert 'href="/ru/about/"' in russian
    # Join box leads to the contact page of the same language.
    assert "Join the community" in english


def test_demo_keeps_one_page_untranslated(demo, client):
    response = client.get("/ru/about/ekaterinburg-centre/")

    assert response.status_code == 200
    assert "/en/translation-missing/" in response.text


def test_demo_contains_no_real_contact_details(demo):
    settings = SiteSettings.objects.get()
    assert settings.contact_email.endswith(".example")
    assert settings.phone == ""


# --------------------
# The library's demo content: at least twelve items across the eight themes and the three
# regions, some translated and some Russian only, with comments and replies; loading it again
# changes nothing.


def test_demo_library(demo, client):
    covers_every_theme_and_region()
    is_bilingual_in_part()
    has_threads_and_read_counts()
    is_served(client)


def covers_every_theme_and_region():
    items = LibraryItemPage.objects.live().filter(locale__language_code="ru")
    themes = set(items.values_list("topics__slug", flat=True))
    regions = set(items.exclude(region=None).values_list("region__slug", flat=True))

    assert items.count() >= 12
    assert len(themes) == 8
    assert regions == {"moscow", "st-petersburg", "ekaterinburg"}
    assert set(items.values_list("item_type", flat=True)) == {
        "case_study",
        "article",
        "expert_advice",
        "report",
    }


def is_bilingual_in_part():
    english = LibraryItemPage.objects.live().filter(locale__language_code="en")
    russian = LibraryItemPage.objects.live().filter(locale__language_code="ru")

    assert 0 < english.count() < russian.count()
    library = LibraryIndexPage.objects.get(locale__language_code="ru")
    assert library.show_in_menus and library.get_parent().depth == 2
    assert library.get_translation_or_none(english.first().locale) is not None


def has_threads_and_read_counts():
    replies = XtdComment.objects.exclude(level=0)

    assert XtdComment.objects.filter(level=0).count() >= 4
    assert replies.filter(level=2).exists()
    assert all(c.user_email.endswith(".example") for c in XtdComment.objects.all())
    assert ReadCount.objects.filter(total__gt=0).count() >= 12


CYRILLIC = re.compile("[А-Яа-яЁё]")


def blocks_of(item):
    """Every block of a library item's story: the four parts of a case study,
    or an article's body."""
    if isinstance(item, CaseStudyPage):
        return [block for _heading, stream in item.sections for block in stream]
    return list(item.body)


def documents_of(item):
    if isinstance(item, CaseStudyPage):
        return [block.value["document"] for block in item.documents]
    return [block.value["document"] for block in item.body if block.block_type == "document"]


def test_every_demo_library_item_tells_its_story_in_both_languages(demo):
    items = LibraryItemPage.objects.live().specific().select_related("locale")
    charts = 0
    for item in items:
        blocks = blocks_of(item)
        paragraphs = [block for block in blocks if block.block_type == "paragraph"]
        assert len(paragraphs) >= 3, item.slug
        assert any(block.block_type == "heading" for block in blocks), item.slug
        assert any(block.block_type == "quote" for block in blocks), item.slug
        assert item.lead_image_id is not None, item.slug  # a picture on every card
        assert documents_of(item), item.slug
        assert item.region_id is not None and item.topics.exists(), item.slug
        for block in blocks:
            if block.block_type == "image":
                assert block.value["alt_text"] and block.value["caption"], item.slug
                charts += item.locale.language_code == "ru"
        if item.locale.language_code == "en":
            # Translated throughout: no Russian left in the English story.
            text = json.dumps(
                item.body.get_prep_value()
                if hasattr(item, "body")
                else [stream.get_prep_value() for _heading, stream in item.sections],
                ensure_ascii=False,
            )
            assert not CYRILLIC.search(text), (item.slug, CYRILLIC.search(text))
            assert not CYRILLIC.search(item.title + item.summary), item.slug
    assert charts >= 4
    digest = documents_of(items.get(slug="zelenograd-patent", locale__language_code="ru"))[0]
    with digest.file.open() as file:
        text = file.read().decode("utf-8")
    assert "Шаг за шагом" in text and "Step by step" in text


def test_a_demo_case_study_shows_its_story_chart_quote_and_document(demo, client):
    english = client.get("/en/library/zelenograd-patent/").text
    russian = client.get("/ru/library/zelenograd-patent/").text

    assert "<h3" in english and "Step by step" in english
    assert "Andrei Belov, managing director of Microsensor Ltd" in english
    assert 'alt="Bar chart: sales grow from 120 to 380 sensors a quarter' in english
    assert "Digest of the item (text, in Russian and English)" in english
    assert "Шаг за шагом" in russian and "Андрей Белов" in russian
    assert 'alt="Столбчатая диаграмма: продажи растут' in russian


def test_demo_news_and_event_reports_have_substance(demo, client):
    for news in NewsPage.objects.filter(locale__language_code="ru"):
        blocks = list(news.body)
        assert sum(block.block_type == "paragraph" for block in blocks) >= 3, news.slug
        assert any(block.block_type == "heading" for block in blocks), news.slug
        assert news.lead_image_id is not None, news.slug
    for slug, _day, _region in KICK_OFFS:
        for language in ("ru", "en"):
            event = EventPage.objects.get(slug=slug, locale__language_code=language)
            kinds = [block.block_type for block in event.report_body]
            assert kinds.count("paragraph") >= 3 and "heading" in kinds and "quote" in kinds
    news = client.get("/en/regions/moscow/kick-off-zelenograd/").text
    assert "What was discussed" in news and "A participant, managing director" in news
    # Signed and introduced in English on English pages.
    assert "Moscow regional centre" in news and "региональный центр" not in news
    assert "The community's three regional centres" in client.get("/en/regions/").text
    spb = EventPage.objects.get(slug="kick-off-st-petersburg", locale__language_code="en")
    report = client.get(spb.url).text
    assert "Themes for the coming months" in report and "A participant, head of an IT" in report


def test_the_demo_shows_an_out_of_date_translation(demo, client):
    russian = NewsPage.objects.get(slug="kick-off-spb", locale__language_code="ru")
    english = russian.get_translation(Locale.objects.get(language_code="en"))
    with translation.override("en"):
        day = date_format(timezone.localtime(russian.last_published_at), "j E Y")

    text = client.get(english.url).text

    assert (
        f'<a href="{russian.url}" hreflang="ru">The Russian original</a> was updated on {day}; '
        "this translation may be out of date."
    ) in text
    assert "translation-notice" not in client.get(russian.url).text
    # Its other translations are in step with their originals.
    assert "translation-notice" not in client.get("/en/library/zelenograd-patent/").text
    assert "translation-notice" not in client.get("/en/about/").text


def test_loading_again_changes_nothing(demo):
    def snapshot():
        return (
            sorted(LibraryItemPage.objects.values_list("id", "title", "live")),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            XtdComment.objects.count(),
            sorted(ReadCount.objects.values_list("page_id", "total")),
        )

    first = snapshot()
    call_command("load_demo_content", stdout=io.StringIO())
    assert snapshot() == first


def is_served(client):
    russian = client.get("/ru/library/").text
    english = client.get("/en/library/").text
    case = client.get("/ru/library/zelenograd-patent/").text

    assert "Программы поддержки инноваций: путеводитель для малых компаний" in russian
    assert "Как малая компания из Зеленограда" in client.get("/ru/library/?page=2").text
    assert "How a small Zelenograd company protected its invention" in english
    assert "Пять вопросов патентному поверенному" not in english
    assert "Около двух месячных зарплат инженера" in case
    assert 'href="/ru/library/"' in client.get("/ru/").text


# --------------------
# The demo's events: the calendar and the learning page in the main menu, the three kick-off
# events of 2006 with their reports, and a programme of upcoming events and trainings, in
# Russian and English; loading again changes nothing.

KICK_OFFS = [
    ("kick-off-zelenograd", datetime.date(2006, 11, 16), "moscow"),
    ("kick-off-st-petersburg", datetime.date(2006, 11, 24), "st-petersburg"),
    ("kick-off-ekaterinburg", datetime.date(2006, 12, 7), "ekaterinburg"),
]


def test_the_kick_off_events_of_2006_are_past_events_with_reports(demo, client):
    for slug, day, region in KICK_OFFS:
        for language in ("ru", "en"):
            event = EventPage.objects.get(slug=slug, locale__language_code=language)
            assert event.live and event.kind == "meeting"
            assert event.local_start.date() == day
            assert event.region.slug == region
            assert event.has_report and len(event.report_gallery) == 2
            assert event.report_published_at.date() > day
    ekaterinburg = EventPage.objects.get(slug="kick-off-ekaterinburg", locale__language_code="en")
    assert ekaterinburg.title == (
        "Effective management of intellectual property in innovative companies"
    )
    assert [topic.slug for topic in ekaterinburg.topics.all()] == ["ipr"]

    archive = client.get("/en/events/archive/").text
    assert "Community kick-off in Zelenograd" in archive
    page = client.get(ekaterinburg.url).text
    assert "7 December 2006, 15:00–19:00" in page and "(Yekaterinburg time, UTC+5)" in page
    assert "Irina Sokolova" in page and 'id="report"' in page


def test_menu_and_programme_of_upcoming_events_in_both_languages(demo, client):
    russian_home = client.get("/ru/").text
    english_home = client.get("/en/").text
    assert 'href="/ru/events/">Мероприятия</a>' in russian_home
    assert 'href="/ru/learning/">Обучение</a>' in russian_home
    assert 'href="/en/events/">Events</a>' in english_home
    assert 'href="/en/learning/">Learning</a>' in english_home
    assert "Ближайшие мероприятия" in russian_home and "Upcoming events" in english_home

    now = timezone.now()
    upcoming = EventPage.objects.filter(locale__language_code="ru", start__gt=now)
    kinds = {(event.kind, event.training_format) for event in upcoming}

    assert upcoming.count() == 11
    assert {("online", ""), ("meeting", ""), ("training", "online"), ("training", "blended")} == (
        kinds
    )
    assert all(event.start < now + datetime.timedelta(days=120) for event in upcoming)
    assert all(
        event.joining_link.startswith("https://meet.rusmeco.example/")
        for event in upcoming
        if event.meets_online
    )
    assert EventPage.objects.filter(locale__language_code="en", start__gt=now).count() == 11

    russian = client.get("/ru/learning/").text
    english = client.get("/en/learning/").text
    assert "Темы ближайших месяцев" in russian and "Права интеллектуальной собственности" in russian
    assert "Topics of the coming months" in english and "International business" in english


def test_loading_the_demo_again_changes_no_event(demo):
    def counts():
        return (
            EventPage.objects.count(),
            Revision.objects.count(),
            get_image_model().objects.count(),
            get_document_model().objects.count(),
            sorted(EventPage.objects.values_list("slug", "locale__language_code", "start")),
        )

    first = counts()
    call_command("load_demo_content", stdout=io.StringIO())

    assert counts() == first


# --------------------
# The community's demo content: the people directory in both languages, about twenty invented
# members across the three regions with varied visibility, and several companies.


def test_demo_builds_members_companies_and_the_directory(demo):
    profiles = Profile.objects.select_related("region", "user")

    assert 18 <= profiles.count() <= 25
    assert {p.region.slug for p in profiles} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert {p.visibility for p in profiles} == {"public", "members", "private"}
    assert all(p.user.email.endswith(".example") for p in profiles)
    assert Company.objects.count() >= 4
    assert CompanyMembership.objects.filter(role="manager").count() == Company.objects.count()
    assert set(PeopleIndexPage.objects.values_list("locale__language_code", flat=True)) == {
        "ru",
        "en",
    }
    assert "rusmeco-member" in demo or MEMBER_PASSWORD in demo


def test_demo_members_can_log_in_with_the_documented_password(demo):
    profile = Profile.objects.filter(visibility="public").select_related("user").first()
    assert EmailAddress.objects.get(user=profile.user).verified

    response = Client().post(
        "/ru/accounts/login/", {"login": profile.user.email, "password": MEMBER_PASSWORD}
    )

    assert response.status_code == 302


def test_demo_directory_and_home_sections_are_served_in_both_languages(demo):
    client = Client()

    russian = client.get("/ru/people/")
    english = client.get("/en/people/")
    home = client.get("/en/").text

    assert russian.status_code == english.status_code == 200
    assert "<h1>Люди</h1>" in russian.text
    assert "<h1>People</h1>" in english.text
    assert 'href="/en/people/"' in home
    assert "Who's new" in home


def test_loading_the_demo_again_changes_no_member(demo):
    def snapshot():
        return (
            sorted(Profile.objects.values_list("user__username", "display_name", "visibility")),
            sorted(Company.objects.values_list("slug", "name")),
            CompanyMembership.objects.count(),
            EmailAddress.objects.count(),
        )

    first = snapshot()
    call_command("load_demo_content", stdout=io.StringIO())

    assert snapshot() == first


# --------------------
# The regions' demo content: the regions page and a page per regional centre in Russian, two of
# them and part of the news also in English, one English translation out of date, one news item
# waiting for review; loading it again changes nothing.


def load():
    call_command("load_demo_content", stdout=io.StringIO())


def test_demo_regions_and_news(demo, client):

    centres = RegionPage.objects.live().filter(locale__language_code="ru")
    assert {page.region.slug for page in centres} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert all(page.centre_email.endswith(".example") for page in centres)
    english = RegionPage.objects.live().filter(locale__language_code="en")
    assert 0 < english.count() < centres.count()
    assert RegionIndexPage.objects.get(locale__language_code="ru").show_in_menus

    news_ru = NewsPage.objects.live().filter(locale__language_code="ru")
    news_en = NewsPage.objects.live().filter(locale__language_code="en")
    assert {page.region.slug for page in news_ru} == {"moscow", "st-petersburg", "ekaterinburg"}
    assert 0 < news_en.count() < news_ru.count()

    # One English translation is out of date: its Russian source was
    # published after the translation was made.
    outdated = [
        page
        for page in news_ru
        if (source := TranslationSource.objects.get_for_instance_or_none(page)) is not None
        and page.last_published_at > source.last_updated_at
    ]
    assert [page.slug for page in outdated] == ["kick-off-spb"]

    # One news item waits for the Ekaterinburg coordinators' review.
    waiting = WorkflowState.objects.filter(
        status=WorkflowState.STATUS_IN_PROGRESS,
        content_type=ContentType.objects.get_for_model(NewsPage),
    )
    assert [state.content_object.slug for state in waiting] == ["ural-innovation-award"]
    assert not waiting.get().content_object.live

    for url in ["/ru/regions/", "/en/regions/", "/ru/regions/moscow/", "/en/regions/moscow/"]:
        assert client.get(url).status_code == 200, url


def test_loading_the_regions_again_changes_nothing(demo):
    pages, states = Page.objects.count(), WorkflowState.objects.count()

    load()

    assert (Page.objects.count(), WorkflowState.objects.count()) == (pages, states)


# --------------------
# Notifications: demo members follow themes, regions and a member, and last
# week's digest has something to tell them.


def test_demo_members_follow_things_and_have_notifications(demo):
    anna = get_user_model().objects.get(username="anna.sokolova")

    assert set(Follow.objects.filter(user=anna).values_list("kind", flat=True)) == {
        "theme",
        "region",
        "member",
    }
    assert Notification.objects.filter(recipient=anna, read_at__isnull=True).count() == 3

    call_command("load_demo_content", stdout=io.StringIO())

    assert Notification.objects.filter(recipient=anna).count() == 3
    assert Follow.objects.filter(user=anna).count() == 3


def test_the_demo_digest_dry_run_prints_digests_for_demo_members(demo):
    weekly, daily = io.StringIO(), io.StringIO()

    call_command("send_digests", "--dry-run", stdout=weekly, stderr=io.StringIO())
    call_command(
        "send_digests", "--dry-run", "--period", "daily", stdout=daily, stderr=io.StringIO()
    )

    anna = weekly.getvalue().split("To: anna.sokolova@members.example\n")[1].split("\nTo: ")[0]
    assert "Subject: Ваш еженедельный дайджест RUSMECO" in anna
    assert "Дмитрий Кузнецов написал(а) в «" in anna
    alexei = weekly.getvalue().split("To: alexei.morozov@members.example\n")[1]
    assert "Subject: Your weekly RUSMECO digest" in alexei
    assert "To: anna.sokolova@members.example" in daily.getvalue()
    assert "понравилась участникам: 1" in daily.getvalue()
    assert not DigestSent.objects.exists()


# --------------------
# Forums: the index and three boards in both languages, topics in Russian
# and English with replies, an accepted answer and likes.


def test_demo_forums_in_both_languages(demo, client):
    for language in ("ru", "en"):
        assert ForumIndexPage.objects.get(locale__language_code=language).show_in_menus
        assert BoardPage.objects.filter(locale__language_code=language, live=True).count() == 3
        assert client.get(f"/{language}/forums/").status_code == 200
    assert client.get("/en/forums/ipr/").status_code == 200
    assert set(ForumTopic.objects.values_list("language", flat=True)) == {"ru", "en"}
    assert ForumTopic.objects.filter(is_solved=True, accepted_post__isnull=False).count() == 2
    assert Like.objects.exists()
    topic = ForumTopic.objects.get(title="Патент или ноу-хау для алгоритма?")
    assert topic.reply_count == 2 == topic.posts.count() - 1
    assert "Принятый ответ" in client.get(f"/ru/forums/ipr/t/{topic.pk}/").text

    posts = Post.objects.count()
    load_forums(io.StringIO())
    assert Post.objects.count() == posts


# The member blogs: the index in both languages, five members' blogs, posts in both
# languages (one featured, one a draft), members' comments on some posts (with a
# reply), served and not loaded twice.


def test_demo_blogs(demo, client):
    from blogs.models import BlogIndexPage, BlogPost

    assert "Blogs: 9 posts in 5 members' blogs" in demo
    assert set(BlogIndexPage.objects.values_list("locale__language_code", flat=True)) == {
        "ru",
        "en",
    }
    published = BlogPost.objects.published()
    assert published.values("author").distinct().count() == 5
    assert set(published.values_list("language", flat=True)) == {"ru", "en"}
    assert published.filter(featured=True).count() == 1
    assert BlogPost.objects.filter(status="draft").count() == 1
    anna = get_user_model().objects.get(username="anna.sokolova")
    assert 'class="mention"' in BlogPost.objects.get(author=anna, slug="eksport-v-kazakhstan").html

    assert "Как мы начали экспорт в Казахстан" in client.get("/ru/blogs/").text
    assert "Joint development with a university" in client.get("/en/blogs/").text
    assert client.get(f"/en/blogs/{anna.pk}/joint-development/").status_code == 200
    assert "Планы на следующий год" not in client.get(f"/ru/blogs/{anna.pk}/").text
    assert 'href="/ru/blogs/"' in client.get("/ru/").text

    assert "comments on 3 of them" in demo
    post_type = ContentType.objects.get_for_model(BlogPost)
    blog_comments = XtdComment.objects.filter(content_type=post_type)
    assert blog_comments.count() == 6 and blog_comments.filter(level=1).exists()
    page = client.get(f"/ru/blogs/{anna.pk}/eksport-v-kazakhstan/").text
    assert "сертификат соответствия ЕАЭС" in page

    call_command("load_demo_content", stdout=io.StringIO())
    assert BlogPost.objects.count() == 9
    assert blog_comments.count() == 6


# Forum moderation: a new member's reply waiting for a moderator, a
# member's flag and two entries in the moderation log.


def test_demo_forum_moderation(demo, client):
    from forums.models import Flag, ModerationLogEntry

    assert "Forum moderation: a reply waiting for a moderator, a flag, two log entries." in demo
    held = Post.objects.get(visibility="held")
    assert "newcomer.example" not in client.get(f"/ru/forums/export/t/{held.topic_id}/").text
    assert Flag.objects.filter(is_open=True).count() == 1
    assert ModerationLogEntry.objects.count() == 2


# --------------------
# Self-assessment: one assessment with seven dimensions in both languages and
# twenty demo respondents, so that Anna sees her progress and the benchmark.


def test_demo_self_assessment(demo):
    from assessments.models import AssessmentPage, AssessmentResult

    russian = AssessmentPage.objects.get(locale__language_code="ru", slug="self-assessment")
    english = russian.get_translations().get(locale__language_code="en")
    assert russian.live and russian.show_in_menus and english.live
    assert english.title == "Self-assessment"
    dimensions = russian.dimension_list()
    assert len(dimensions) == 7
    assert all(2 <= len(dimension.questions) <= 3 for dimension in dimensions)
    assert all(dimension.theme_slugs for dimension in dimensions)
    english_dimensions = english.specific.dimension_list()
    assert [d.id for d in english_dimensions] == [d.id for d in dimensions]
    assert english_dimensions[0].title == "Innovation management"
    assert english_dimensions[0].questions[0].levels[0] == "No, nobody deals with this"

    results = AssessmentResult.objects.filter(assessment_key=russian.translation_key)
    assert results.values("member").distinct().count() == 20

    anna = get_user_model().objects.get(username="anna.sokolova")
    latest = results.filter(member=anna).order_by("-created_at").first()
    client = Client()
    client.force_login(anna)
    for page, words in (
        (russian, ["Ваш регион", "Предыдущий результат", "Рекомендуем вам"]),
        (english.specific, ["Your region", "Previous result", "Recommended for you"]),
    ):
        url = page.url + page.reverse_subpage("saved", args=[latest.pk])
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert '<svg class="radar"' in html
        assert all(word in html for word in words), url
        assert response.context["benchmark"]["region_shown"]
        assert response.context["previous"] is not None
    assert Client().get(russian.url).status_code == 200


# Partnerships: the partnerships page in the menu of both languages and a
# dozen listings of the demo companies in the states their managers meet.


def test_demo_partnerships(demo, client):
    from partnerships.models import ListingPage, PartnershipsIndexPage
    from partnerships.reminders import listings_to_remind

    assert "Partnerships: /ru/partners/ in Russian and English, 12 new listings of 12." in demo
    for language in ("ru", "en"):
        index = PartnershipsIndexPage.objects.get(locale__language_code=language)
        assert index.live and index.show_in_menus
        assert index.get_workflow().name == "Regional review"
        assert f'href="/{language}/partners/"' in client.get(f"/{language}/").text
    russian = ListingPage.objects.filter(locale__language_code="ru")
    assert sorted(russian.values_list("slug", flat=True)) == [
        f"demo-listing-{number:02d}" for number in range(1, 13)
    ]
    assert len(set(russian.values_list("listing_type", flat=True))) == 5
    assert len(set(russian.values_list("stage", flat=True))) == 3
    assert len(set(russian.values_list("region__slug", flat=True))) == 3
    assert ListingPage.objects.open("ru").count() == 10
    assert ListingPage.objects.open("en").count() == 5
    english = ListingPage.objects.get(locale__language_code="en", slug="demo-listing-01")
    assert english.title == "Humidity sensors for agriculture"
    waiting = russian.get(slug="demo-listing-10")
    assert not waiting.live and waiting.workflow_in_progress
    expired = russian.get(slug="demo-listing-11")
    assert expired.expired and not expired.live
    expiring = russian.get(slug="demo-listing-12")
    assert expiring in listings_to_remind()
    # A manager sees their company's listings, every state, with their dates.
    manager = Client()
    manager.login(username="mikhail.sorokin", password=MEMBER_PASSWORD)
    mine = manager.get("/ru/partners/mine/").text
    assert "Срок истёк" in mine and "Модернизация прокатных станов" in mine
    assert "Инвестиции в цифрового двойника цеха" in mine and "Продлить" in mine
    manager.login(username="vladimir.popov", password=MEMBER_PASSWORD)
    assert "Ожидает проверки" in manager.get("/ru/partners/mine/").text


# Partnership contacts: expressions of interest between demo members and
# the demo listings, with every outcome and the introductions.


def test_demo_partnership_contacts(demo, client):
    from partnerships.contact_choices import Status
    from partnerships.demo_contacts import load_contacts
    from partnerships.models import Interest, InterestMessage

    assert "Partnerships: 6 expressions of interest with their conversations." in demo
    statuses = sorted(Interest.objects.values_list("status", flat=True))
    assert statuses == sorted(
        [Status.CONTACT_MADE, Status.AGREEMENT_SIGNED, Status.NO_RESULT] + [Status.OPEN] * 3
    )
    waiting = Interest.objects.filter(
        status=Status.OPEN, introduction_requested_at__isnull=False, introduced_on__isnull=True
    )
    assert waiting.count() == 1
    introduced = Interest.objects.get(introduced_on__isnull=False)
    assert introduced.introduced_by is not None and introduced.introduction_note
    assert all(interest.messages.exists() for interest in Interest.objects.all())
    assert InterestMessage.objects.filter(from_company=True).count() >= 5
    # Nobody wrote to their own company.
    for interest in Interest.objects.all():
        assert not CompanyMembership.objects.filter(
            company=interest.company_id, user=interest.member_id
        ).exists()

    member = Client()
    member.force_login(introduced.member)
    for language in ("ru", "en"):
        page = member.get(f"/{language}/partners/contacts/{introduced.pk}/")
        assert page.status_code == 200
        assert introduced.introduction_note in page.text
    assert introduced.listing_title in member.get("/ru/partners/contacts/").text
    other = waiting.get()
    if other.member_id != introduced.member_id:
        assert member.get(f"/ru/partners/contacts/{other.pk}/").status_code == 404

    load_contacts(io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())
    assert Interest.objects.count() == 6


def test_demo_glossary(demo, client):
    from glossary.demo_content import CASE_STUDY, load_glossary
    from glossary.models import GlossaryTerm, MarkedTerms

    assert "Glossary: 15 terms." in demo
    assert GlossaryTerm.objects.count() == 15
    marked = MarkedTerms.objects.get(page__slug=CASE_STUDY)
    assert marked.terms.count() == 3
    # The case study shows the marked terms' translations, in both languages.
    for language, term in (
        ("ru", "intellectual property"),
        ("en", "интеллектуальная собственность"),
    ):
        html = client.get(f"/{language}/library/{CASE_STUDY}/").text
        assert html.count('class="glossary-term" tabindex="0"') == 3
        assert 'role="tooltip"' in html and term in html

    # The README's query: "опытная партия" in all languages finds the English
    # grant article ("pilot batch") through the glossary alone.
    def english_results():
        response = client.get("/ru/search/", {"q": "опытная партия", "all": "1"})
        return [item for item in response.context["outcome"].items if item.language == "en"]

    assert english_results()
    GlossaryTerm.objects.filter(term_ru="опытная партия").delete()
    assert not english_results()

    load_glossary(io.StringIO())
    call_command("load_demo_content", stdout=io.StringIO())
    assert GlossaryTerm.objects.count() == 15
    assert MarkedTerms.objects.count() == 1
