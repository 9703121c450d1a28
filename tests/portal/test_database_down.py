"""While the database cannot be reached, requests fail cleanly: a
translated 503 page with Retry-After, never a traceback, and nothing saved
half-way; once it answers again the site recovers by itself.

Two simulations, said plainly:
- the database failing in the middle of a comment (between
  django-comments-xtd's two writes) or a new company (between the company
  and its manager) is an OperationalError raised from a post_save receiver,
  on both databases;
- a PostgreSQL restart is a TCP proxy on 127.0.0.1 between the portal and
  PostgreSQL that the test stops, which cuts every open connection and
  refuses new ones as a restarting server does, and starts again. The
  shared cluster itself is not restarted: other test databases live on it.
"""

import contextlib
import json

import pytest
from django.db import OperationalError, connection
from django.db.models.signals import post_save
from django.test import Client
from django_comments_xtd.models import XtdComment

from community.models import Company, CompanyMembership
from tests.factories import CaseStudyPageFactory, CommentFactory
from tests.helpers import comment_form_data, csrf_client, csrf_token
from tests.services import tcp_proxy, wsgi_server

UNAVAILABLE_RU = "Портал ненадолго недоступен"
UNAVAILABLE_EN = "The portal is briefly unavailable"


@contextlib.contextmanager
def database_fails_after_saving(model):
    """The database goes away right after the first row of `model` is
    written, before the rest of the action."""

    def fail(sender, created, **kwargs):
        if created:
            raise OperationalError("server closed the connection unexpectedly")

    post_save.connect(fail, sender=model, dispatch_uid="database-goes-away")
    try:
        yield
    finally:
        post_save.disconnect(sender=model, dispatch_uid="database-goes-away")


def assert_unavailable_page(response, text=UNAVAILABLE_RU):
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert text in response.text
    assert "Traceback" not in response.text


@pytest.mark.django_db
def test_a_reply_is_saved_whole_or_not_at_all(library_ru, anna, boris):
    item = CaseStudyPageFactory(parent=library_ru)
    question = CommentFactory(page=item, user=anna)
    client = Client(raise_request_exception=False)
    client.force_login(boris)

    with database_fails_after_saving(XtdComment):
        response = client.post(
            "/ru/comments/post/", comment_form_data(item, "Ответ", reply_to=question.pk)
        )

    assert_unavailable_page(response)
    assert list(XtdComment.objects.all()) == [question]
    question.refresh_from_db()
    assert question.nested_count == 0


@pytest.mark.django_db
def test_a_new_company_is_saved_whole_or_not_at_all(anna, people_ru):
    client = csrf_client(anna)
    client.raise_request_exception = False
    token = csrf_token(client, "/en/accounts/companies/new/")

    with database_fails_after_saving(Company):
        response = client.post(
            "/en/accounts/companies/new/",
            {
                "name": "Ромашка",
                "sector": "software",
                "size": "micro",
                "csrfmiddlewaretoken": token,
            },
        )

    assert_unavailable_page(response, UNAVAILABLE_EN)
    assert not Company.objects.exists()
    assert not CompanyMembership.objects.exists()


@pytest.fixture
def database_behind_proxy(migrated_site):
    """The portal's connections to PostgreSQL go through a proxy the test
    controls (the server thread connects after the switch)."""
    settings = connection.settings_dict
    host, port = settings["HOST"] or "127.0.0.1", settings["PORT"] or 5432
    with tcp_proxy(host, int(port)) as proxy:
        settings["HOST"], settings["PORT"] = "127.0.0.1", str(proxy.port)
        try:
            yield proxy
        finally:
            settings["HOST"], settings["PORT"] = host, port


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_requests_during_a_postgresql_restart_get_503_and_the_site_recovers(
    about_ru, database_behind_proxy
):
    with wsgi_server() as fetch:
        status, _headers, page = fetch("/ru/about/")
        assert (status, "О проекте" in page) == (200, True)
        assert fetch("/healthz")[0] == 200

        database_behind_proxy.stop()  # PostgreSQL goes down
        for path, text in (("/ru/about/", UNAVAILABLE_RU), ("/en/", UNAVAILABLE_EN)):
            status, headers, page = fetch(path)
            assert (status, headers["Retry-After"]) == (503, "30")
            assert text in page and "Traceback" not in page
        status, _headers, health = fetch("/healthz")
        assert (status, json.loads(health)["database"]) == (503, "failed")

        database_behind_proxy.start()  # and is back
        assert fetch("/healthz")[0] == 200
        status, _headers, page = fetch("/ru/about/")
        assert (status, "О проекте" in page) == (200, True)
