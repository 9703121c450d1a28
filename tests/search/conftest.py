"""Fixtures for the search tests: pages with searchable text, built small."""

import pytest

from home.demo import child_page
from home.models import StandardPage


@pytest.fixture
def make_page(home_ru):
    """make_page(slug, title, intro="", parent=home_ru, **fields): a live
    StandardPage, indexed as Wagtail indexes it on publish."""

    def make(slug, title, intro="", parent=None, **fields):
        return child_page(parent or home_ru, StandardPage, slug, title=title, intro=intro, **fields)

    return make
