"""Parts of member pages kept in the cache for everyone ({% shared_fragment %},
home/templatetags/portal_tags.py): a publish shows at once, each language
gets its own, and what is a member's own (their name, their token, their
registration, the comment form) is never shared with another member."""

import datetime
import re

import pytest
from django.db import connection
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from glossary.models import MarkedTerms
from rusmeco_events.models import Registration
from tests.factories import (
    ArticlePageFactory,
    CommentFactory,
    EventPageFactory,
    GlossaryTermFactory,
    RegistrationFactory,
    translate,
)
from tests.helpers import comment_form_data, csrf_client


def token_of(html):
    return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html).group(1)


def publish(page, **fields):
    for name, value in fields.items():
        setattr(page, name, value)
    page.save_revision().publish()


@pytest.fixture
def article(library_ru, topics):
    return ArticlePageFactory(
        parent=library_ru,
        title="Патенты",
        topics=[topics["ipr"]],
        body=[("paragraph", "<p>Первая редакция текста.</p>")],
    )


@pytest.fixture
def article_en(article, library_en):
    return translate(article, title="Patents", body=[("paragraph", "<p>First draft.</p>")])


@pytest.mark.django_db
def test_a_published_edit_of_a_library_item_shows_at_once(anna_client, article):
    assert "Первая редакция текста." in anna_client.get(article.url).text

    publish(article, body=[("paragraph", "<p>Вторая редакция текста.</p>")])

    page = anna_client.get(article.url).text
    assert "Вторая редакция текста." in page
    assert "Первая редакция текста." not in page


@pytest.mark.django_db
def test_each_language_gets_its_own_library_item(anna_client, article, article_en):
    russian = anna_client.get(article.url).text
    english = anna_client.get(article_en.url).text
    # Again, now from the cache.
    assert anna_client.get(article.url).text.count("Первая редакция текста.") == 1
    assert "First draft." in anna_client.get(article_en.url).text
    assert "First draft." not in russian
    assert "Первая редакция текста." not in english
    assert "Главная" in russian and "Home" in english

    publish(article_en, body=[("paragraph", "<p>Second draft.</p>")])

    assert "Second draft." in anna_client.get(article_en.url).text
    assert "Первая редакция текста." in anna_client.get(article.url).text


@pytest.mark.django_db
def test_a_new_related_item_shows_at_once(anna_client, article, library_ru, topics):
    assert "Ещё по этой теме" not in anna_client.get(article.url).text

    ArticlePageFactory(parent=library_ru, title="Лицензии", topics=[topics["ipr"]])

    page = anna_client.get(article.url).text
    assert "Ещё по этой теме" in page
    assert "Лицензии" in page


@pytest.mark.django_db
def test_a_comment_on_a_related_item_is_counted_at_once(anna_client, article, library_ru, topics):
    related = ArticlePageFactory(parent=library_ru, title="Лицензии", topics=[topics["ipr"]])
    assert "0 комментариев" in anna_client.get(article.url).text

    CommentFactory(page=related)

    assert "1 комментарий" in anna_client.get(article.url).text
    assert "1 комментарий" in anna_client.get(library_ru.url).text


@pytest.mark.django_db
def test_a_glossary_change_shows_at_once(anna_client, article):
    assert "glossary-term" not in anna_client.get(article.url).text

    term = GlossaryTermFactory(term_ru="редакция", term_en="edition")
    marked = MarkedTerms.objects.create(page=article)
    marked.terms.set([term])
    marked.save()

    page = anna_client.get(article.url).text
    assert 'class="glossary-term"' in page
    assert "edition" in page


@pytest.mark.django_db
def test_members_never_see_each_others_name_token_or_comment_form(anna, boris, article):
    anna_client, boris_client = csrf_client(anna), csrf_client(boris)
    anna_page = anna_client.get(article.url).text
    boris_page = boris_client.get(article.url).text  # the fragments now from the cache

    assert "<span data-content>Анна Соколова</span>" in anna_page
    assert "Борис Орлов" not in anna_page
    assert "<span data-content>Борис Орлов</span>" in boris_page
    assert "Анна Соколова" not in boris_page
    assert token_of(anna_page) != token_of(boris_page)
    # Each token is the member's own: their comment goes through with it.
    data = comment_form_data(article, "Спасибо, полезно.")
    response = boris_client.post(
        "/ru/comments/post/", {**data, "csrfmiddlewaretoken": token_of(boris_page)}
    )
    assert response.status_code == 302


@pytest.mark.django_db
def test_a_visitor_is_offered_to_log_in_where_a_member_gets_the_form(client, anna_client, article):
    member_page = anna_client.get(article.url).text
    visitor_page = client.get(article.url).text

    assert "Написать комментарий" in member_page
    assert "Написать комментарий" not in visitor_page
    assert "Первая редакция текста." in visitor_page


@pytest.fixture
def event(calendar_ru):
    return EventPageFactory(
        parent=calendar_ru, slug="forum", capacity=10, body=[("paragraph", "<p>Программа.</p>")]
    )


@pytest.mark.django_db
def test_a_published_edit_of_an_event_shows_at_once(anna_client, event):
    assert "Программа." in anna_client.get(event.url).text

    publish(event, body=[("paragraph", "<p>Новая программа.</p>")], venue="Технопарк")

    page = anna_client.get(event.url).text
    assert "Новая программа." in page
    assert "Технопарк" in page


@pytest.mark.django_db
def test_an_events_themes_are_read_only_to_build_its_fragment(anna_client, calendar_ru, topics):
    themed = EventPageFactory(parent=calendar_ru, slug="ipr-day", topics=[topics["ipr"]])
    name = topics["ipr"].name
    assert name in anna_client.get(themed.url).text
    with CaptureQueriesContext(connection) as queries:
        assert name in anna_client.get(themed.url).text
    assert not [query for query in queries if "home_topic" in query["sql"]]

    topics["ipr"].name = "Патенты и лицензии"
    topics["ipr"].save()
    assert "Патенты и лицензии" in anna_client.get(themed.url).text


@pytest.mark.django_db
def test_each_member_sees_their_own_registration(anna, boris, anna_client, boris_client, event):
    RegistrationFactory(event=event, user=anna, status=Registration.Status.CONFIRMED)

    anna_page = anna_client.get(event.url).text
    boris_page = boris_client.get(event.url).text

    assert "Вы зарегистрированы на это мероприятие." in anna_page
    assert "Вы зарегистрированы на это мероприятие." not in boris_page
    assert "Зарегистрироваться" in boris_page
    assert "Программа." in anna_page and "Программа." in boris_page


@pytest.mark.django_db
def test_an_event_in_english_is_shown_in_english(anna_client, event, calendar_en):
    english = translate(event, title="Forum", body=[("paragraph", "<p>Programme.</p>")])
    anna_client.get(event.url)

    page = anna_client.get(english.url).text
    assert "Programme." in page
    assert "Программа." not in page
    assert "When" in page


@pytest.mark.django_db
def test_a_newly_published_item_shows_at_once_in_the_library(anna_client, article, library_ru):
    assert "Лицензии" not in anna_client.get(library_ru.url).text

    ArticlePageFactory(parent=library_ru, title="Лицензии")

    page = anna_client.get(library_ru.url).text
    assert "Лицензии" in page
    assert "Патенты" in page


@pytest.mark.django_db
def test_the_library_listing_follows_the_address(anna_client, article, library_ru, library_en):
    ArticlePageFactory(parent=library_ru, title="Лицензии")

    everything = anna_client.get(library_ru.url).text
    ipr = anna_client.get(library_ru.url + "?theme=ipr").text
    english = anna_client.get(library_en.url).text

    assert "Лицензии" in everything and "Патенты" in everything
    assert "Патенты" in ipr and "Лицензии" not in ipr
    assert "Filter" in english and "Отбор" not in english


def render(source, request):
    return Template("{% load portal_tags %}" + source).render(Context({"request": request}))


@pytest.mark.django_db
def test_a_fragment_with_a_form_token_is_refused_and_not_kept(site):
    request = RequestFactory().get("/ru/")
    source = (
        '{% shared_fragment "form" %}<input name="csrfmiddlewaretoken" value="x">'
        "{% endshared_fragment %}"
    )

    for _ in range(2):
        with pytest.raises(TemplateSyntaxError):
            render(source, request)


@pytest.mark.django_db
def test_a_preview_is_never_taken_from_or_put_in_the_cache(site):
    request = RequestFactory().get("/ru/")
    render('{% shared_fragment "x" %}live{% endshared_fragment %}', request)

    request.is_preview = True
    assert render('{% shared_fragment "x" %}draft{% endshared_fragment %}', request) == "draft"
    del request.is_preview
    assert render('{% shared_fragment "x" %}other{% endshared_fragment %}', request) == "live"


@pytest.mark.django_db
def test_a_newly_published_event_shows_at_once_in_the_calendar(anna_client, calendar_ru):
    calendar = calendar_ru.url + "calendar/"
    assert "Новогодняя встреча" not in anna_client.get(calendar).text

    start = timezone.now() + datetime.timedelta(hours=1)
    EventPageFactory(
        parent=calendar_ru,
        slug="new",
        title="Новогодняя встреча",
        start=start,
        end=start + datetime.timedelta(minutes=30),
    )

    assert "Новогодняя встреча" in anna_client.get(calendar).text


@pytest.mark.django_db
def test_the_calendar_in_each_language_is_its_own(anna_client, calendar_ru, calendar_en):
    russian = anna_client.get(calendar_ru.url + "calendar/").text
    english = anna_client.get(calendar_en.url + "calendar/").text

    assert "Подписаться на календарь" in russian
    assert "Subscribe to the calendar" in english
    assert "Subscribe to the calendar" not in russian
