"""The site that answers a request comes from the cache (home/sites.py):
a site added, changed or deleted answers at once, and a warm request asks
the database nothing about sites."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Site


def heading(client, host):
    response = client.get("/ru/", HTTP_HOST=host)
    assert response.status_code == 200
    return BeautifulSoup(response.text, "html.parser").h1.get_text(strip=True)


@pytest.mark.django_db
def test_a_site_added_changed_or_deleted_answers_at_once(anna_client, home_ru, about_ru):
    home_heading = heading(anna_client, "127.0.0.1")  # the default site, now cached
    assert home_heading != "О проекте"

    second = Site.objects.create(hostname="127.0.0.1", port=80, root_page=about_ru)
    assert heading(anna_client, "127.0.0.1") == "О проекте"
    assert heading(anna_client, "testserver") == home_heading

    second.root_page = home_ru
    second.save()
    assert heading(anna_client, "127.0.0.1") == home_heading

    second.root_page = about_ru
    second.save()
    assert heading(anna_client, "127.0.0.1") == "О проекте"
    second.delete()
    assert heading(anna_client, "127.0.0.1") == home_heading


@pytest.mark.django_db
def test_a_warm_request_asks_nothing_about_sites_or_the_home_page(anna_client, about_ru):
    # The first view also creates the site settings, which advances the
    # pages generation; the second caches the site for good.
    anna_client.get(about_ru.url)
    anna_client.get(about_ru.url)
    with CaptureQueriesContext(connection) as queries:
        assert anna_client.get(about_ru.url).status_code == 200
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]
    # Nor about the home page the route starts from.
    assert not [query for query in queries if "home_homepage" in query["sql"]]


@pytest.mark.django_db
def test_a_home_page_published_shows_at_once(anna_client, home_ru, about_ru):
    anna_client.get(about_ru.url)
    anna_client.get(about_ru.url)
    home_ru.intro = "Новое приветствие сообщества."
    home_ru.save_revision().publish()
    assert "Новое приветствие сообщества." in anna_client.get("/ru/").text


@pytest.mark.django_db
def test_a_host_outside_the_allowed_hosts_is_refused_before_any_lookup(client, home_ru):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/ru/", HTTP_HOST="attacker.example")
    assert response.status_code == 400
    assert not [query for query in queries if "wagtailcore_site" in query["sql"]]
