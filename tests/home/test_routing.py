"""Addresses below a home page are found from the cache (home/routing.py):
a page moved, renamed, unpublished or put behind a restriction answers as
Wagtail would at once, and a routable page's own addresses still win."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import PageViewRestriction

from tests.factories import ArticlePageFactory, EventPageFactory


@pytest.fixture
def article(library_ru):
    return ArticlePageFactory(parent=library_ru, slug="patents", title="Патенты")


@pytest.mark.django_db
def test_a_renamed_page_answers_at_its_new_address_at_once(anna_client, article):
    assert anna_client.get("/ru/library/patents/").status_code == 200

    article.slug = "patents-2024"
    article.save_revision().publish()

    assert anna_client.get("/ru/library/patents/").status_code == 404
    page = anna_client.get("/ru/library/patents-2024/")
    assert page.status_code == 200
    assert "Патенты" in page.text


@pytest.mark.django_db
def test_an_unpublished_page_is_gone_at_once(anna_client, article):
    assert anna_client.get(article.url).status_code == 200

    article.unpublish()

    assert anna_client.get("/ru/library/patents/").status_code == 404


@pytest.mark.django_db
def test_a_moved_page_answers_at_its_new_place(anna_client, article, home_ru, calendar_ru):
    from library.models import LibraryIndexPage

    other = LibraryIndexPage(title="Архив", slug="archive")
    home_ru.add_child(instance=other)
    other.save_revision().publish()
    assert anna_client.get("/ru/library/patents/").status_code == 200

    article.move(other, pos="last-child")

    old_address = anna_client.get("/ru/library/patents/")
    assert old_address.status_code == 301
    assert old_address["Location"].endswith("/ru/archive/patents/")
    assert "Патенты" in anna_client.get("/ru/archive/patents/").text


@pytest.mark.django_db
def test_each_language_routes_to_its_own_page(client, article, library_en):
    from tests.factories import translate

    english = translate(article, title="Patents")

    assert "Патенты" in client.get("/ru/library/patents/").text
    assert "Patents" in client.get("/en/library/patents/").text
    assert english.url == "/en/library/patents/"


@pytest.mark.django_db
def test_a_routable_page_answers_its_own_addresses_and_its_childrens(anna_client, calendar_ru):
    event = EventPageFactory(parent=calendar_ru, slug="forum", title="Форум")

    for _ in range(2):
        month = anna_client.get("/ru/events/calendar/")
        assert month.status_code == 200
        assert "month-grid" in month.text
        assert "Форум" in anna_client.get(event.url).text
        # The event's own sub-address, below a page found from the cache.
        assert anna_client.get(event.url + "ics/")["Content-Type"].startswith("text/calendar")


@pytest.mark.django_db
def test_an_unknown_address_is_not_found(anna_client, library_ru):
    for _ in range(2):
        assert anna_client.get("/ru/library/nothing-here/").status_code == 404
        assert anna_client.get("/ru/nowhere/at-all/").status_code == 404


@pytest.mark.django_db
def test_a_new_restriction_applies_at_once(
    client, anna_client, boris_client, anna, library_ru, article
):
    assert client.get(article.url).status_code == 200
    assert boris_client.get(article.url).status_code == 200

    group = Group.objects.create(name="Партнёры")
    anna.groups.add(group)
    restriction = PageViewRestriction.objects.create(
        page=library_ru, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(group)

    assert client.get(article.url).status_code == 302  # to the log-in page
    assert boris_client.get(article.url).status_code == 302
    assert anna_client.get(article.url).status_code == 200

    restriction.delete()

    assert client.get(article.url).status_code == 200
    assert boris_client.get(article.url).status_code == 200
