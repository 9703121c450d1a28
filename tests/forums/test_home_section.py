""" "Active discussions" on the home page: the topics with the latest posts
of the boards visitors may see, in every language, within the home page's
query budget."""

import pytest
from django.test import Client

from home.models import SiteSettings
from tests.factories import BoardPageFactory, ForumTopicFactory, MemberFactory
from tests.helpers import warm_queries

pytestmark = pytest.mark.django_db


def test_home_page_shows_active_discussions_in_both_languages(board_en, anna):
    ForumTopicFactory(board=board_en, title="Патент или ноу-хау?", author=anna)
    ForumTopicFactory(board=board_en, title="Export to Kazakhstan", language="en", author=anna)
    for language, heading in [("ru", "Активные обсуждения"), ("en", "Active discussions")]:
        home = Client().get(f"/{language}/").content.decode()
        assert heading in home
        assert "Патент или ноу-хау?" in home and "Export to Kazakhstan" in home
        assert f'href="/{language}/forums/questions/t/' in home


def test_topics_of_a_hidden_board_are_not_shown(forums_ru, board_ru, anna):
    hidden = BoardPageFactory(parent=forums_ru, slug="hidden")
    ForumTopicFactory(board=hidden, title="Скрытая тема", author=anna)
    hidden.unpublish()
    assert "Скрытая тема" not in Client().get("/ru/").content.decode()


def test_no_section_without_topics(board_ru):
    assert "Активные обсуждения" not in Client().get("/ru/").content.decode()


def test_the_section_does_not_grow_the_home_page(client, site, board_ru):
    SiteSettings.for_site(site)
    author = MemberFactory()
    ForumTopicFactory(board=board_ru, author=author)
    small = len(warm_queries(client, "/ru/"))
    ForumTopicFactory.create_batch(20, board=board_ru, author=author)
    large = len(warm_queries(client, "/ru/"))
    assert small <= 15
    assert large == small
