"""Read counts: once per visitor session, not for bots or previews, no
database write while a page is served, and shown as "47 reads" in both
languages."""

import io

import pytest
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from home.reads import flush_reads, pending_reads
from library.models import ReadCount
from library.templatetags.library_tags import reads_label
from tests.factories import CaseStudyPageFactory

BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


def browser(**extra):
    return Client(HTTP_USER_AGENT=BROWSER, **extra)


@pytest.fixture
def item(library_ru, regions, topics, settings):
    settings.LIBRARY_READS_FLUSH_SECONDS = 0  # flushed by the tests themselves
    return CaseStudyPageFactory(parent=library_ru, topics=[topics["ipr"]])


def total(page):
    row = ReadCount.objects.filter(page_id=page.pk).first()
    return row.total if row else 0


@pytest.mark.django_db
def test_one_visitor_counts_once_per_visit(item):
    visitor = browser()
    for _ in range(3):
        assert visitor.get(item.url).status_code == 200

    flush_reads()

    assert total(item) == 1


@pytest.mark.django_db
def test_different_visitors_count_separately(item, anna):
    browser(REMOTE_ADDR="10.0.0.1").get(item.url)
    browser(REMOTE_ADDR="10.0.0.2").get(item.url)
    signed_in = browser(REMOTE_ADDR="10.0.0.1")
    signed_in.force_login(anna)
    signed_in.get(item.url)
    signed_in.get(item.url)

    flush_reads()

    assert total(item) == 3


@pytest.mark.django_db
@pytest.mark.parametrize(
    "user_agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; YandexBot/3.0; +http://yandex.com/bots)",
        "facebookexternalhit/1.1",
        "curl/8.5.0",
        "python-requests/2.32",
        "",
    ],
)
def test_bots_are_not_counted(item, user_agent):
    Client(HTTP_USER_AGENT=user_agent).get(item.url)

    assert flush_reads() == 0
    assert total(item) == 0


@pytest.mark.django_db
def test_previews_are_not_counted(client, item, admin_user):
    client.force_login(admin_user)

    response = client.get(f"/admin/pages/{item.pk}/edit/preview/", HTTP_USER_AGENT=BROWSER)

    assert response.status_code == 200
    assert flush_reads() == 0


@pytest.mark.django_db
def test_serving_a_page_writes_nothing_to_the_database(item):
    Client(HTTP_USER_AGENT="Googlebot").get(item.url)  # site settings are made on first use
    with CaptureQueriesContext(connection) as queries:
        browser().get(item.url)

    writes = [q["sql"] for q in queries if q["sql"].split()[0] in ("INSERT", "UPDATE", "DELETE")]
    assert writes == []
    assert pending_reads([item.pk]) == {item.pk: 1}


@pytest.mark.django_db
def test_counts_are_written_at_most_once_per_interval(item, library_ru, regions, topics, settings):
    settings.LIBRARY_READS_FLUSH_SECONDS = 300
    other = CaseStudyPageFactory(parent=library_ru)

    browser(REMOTE_ADDR="10.0.0.1").get(item.url)  # first read: writes the batch
    browser(REMOTE_ADDR="10.0.0.2").get(item.url)
    browser(REMOTE_ADDR="10.0.0.3").get(other.url)

    assert total(item) == 1  # the second read waits for the next interval
    assert pending_reads([item.pk, other.pk]) == {item.pk: 1, other.pk: 1}
    cache.delete("library:reads:flush-lock")  # the interval has passed
    browser(REMOTE_ADDR="10.0.0.4").get(other.url)
    assert (total(item), total(other)) == (2, 2)


@pytest.mark.django_db
def test_the_management_command_writes_the_waiting_counts(client, item):
    for address in ("10.0.0.1", "10.0.0.2"):
        browser(REMOTE_ADDR=address).get(item.url)
    output = io.StringIO()

    call_command("flush_read_counts", stdout=output)
    call_command("flush_read_counts", stdout=io.StringIO())  # nothing left: no double count

    assert "2 read(s) written." in output.getvalue()
    assert total(item) == 2
    assert "2 прочтения" in client.get(item.url).text


@pytest.mark.django_db
def test_the_count_shows_on_the_page_and_in_the_listing(client, library_ru, item):
    ReadCount.objects.create(page=item, total=47)

    assert "47 прочтений" in client.get(item.url).text
    assert "47 прочтений" in client.get(library_ru.url).text


@pytest.mark.parametrize(
    ("count", "russian", "english"),
    [
        (0, "0 прочтений", "0 reads"),
        (1, "1 прочтение", "1 read"),
        (2, "2 прочтения", "2 reads"),
        (5, "5 прочтений", "5 reads"),
        (11, "11 прочтений", "11 reads"),
        (21, "21 прочтение", "21 reads"),
        (22, "22 прочтения", "22 reads"),
        (47, "47 прочтений", "47 reads"),
        (111, "111 прочтений", "111 reads"),
    ],
)
def test_read_counts_in_words_with_russian_plural_forms(count, russian, english):
    with translation.override("ru"):
        assert reads_label(count) == russian
    with translation.override("en"):
        assert reads_label(count) == english
