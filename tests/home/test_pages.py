"""Every page type can be created where it belongs, nowhere else, and
renders in both languages."""

import pytest
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from home.models import FormPage, HomePage, StandardPage


class TestPageTree(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})

    def test_standard_page_under_home_or_standard_page(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage, StandardPage})

    def test_form_page_under_home_or_standard_page_and_has_no_children(self):
        self.assertAllowedParentPageTypes(FormPage, {HomePage, StandardPage})
        self.assertAllowedSubpageTypes(FormPage, set())

    def test_standard_page_children(self):
        self.assertAllowedSubpageTypes(StandardPage, {StandardPage, FormPage})

    def test_form_page_cannot_hold_a_standard_page(self):
        self.assertCanNotCreateAt(FormPage, StandardPage)
        self.assertCanNotCreateAt(StandardPage, HomePage)


class TestCreateInAdmin(WagtailPageTestCase):
    """An editor creates a standard page with a body of shared blocks."""

    def setUp(self):
        self.login()
        self.home = HomePage.objects.get(depth=2)

    def test_create_standard_page_with_blocks(self):
        from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

        self.assertCanCreate(
            self.home,
            StandardPage,
            nested_form_data(
                {
                    "title": "Управление знаниями",
                    "slug": "knowledge",
                    "intro": "Как компании делятся опытом.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Введение", "level": "h2"}),
                            ("paragraph", rich_text("<p>Текст статьи.</p>")),
                            ("quote", {"text": "Доверие важнее всего.", "attribution": ""}),
                        ]
                    ),
                }
            ),
        )
        page = StandardPage.objects.get(slug="knowledge")
        assert [block.block_type for block in page.body] == ["heading", "paragraph", "quote"]


@pytest.mark.django_db
@pytest.mark.parametrize("fixture", ["home", "about", "contact"])
def test_each_page_renders_in_both_languages(client, request, fixture):
    page_ru = request.getfixturevalue(f"{fixture}_ru")
    page_en = request.getfixturevalue(f"{fixture}_en")

    response_ru = client.get(page_ru.url)
    response_en = client.get(page_en.url)

    assert response_ru.status_code == 200
    assert response_en.status_code == 200
    assert page_ru.url.startswith("/ru/") and page_en.url.startswith("/en/")
    assert '<html lang="ru"' in response_ru.text
    assert '<html lang="en"' in response_en.text
    assert f"<h1>{page_ru.title}</h1>" in response_ru.text
    assert f"<h1>{page_en.title}</h1>" in response_en.text
    # Interface strings follow the language too.
    assert "Поиск" in response_ru.text
    assert "Search" in response_en.text and "Поиск" not in response_en.text


@pytest.mark.django_db
def test_standard_page_shows_its_region_in_the_page_language(client, home_en, about_ru, locale_ru):
    from home.demo import child_page
    from tests.factories import RegionFactory, translate

    region = RegionFactory(slug="ekaterinburg", name="Екатеринбург")
    translate(region, name="Ekaterinburg")
    page = child_page(about_ru, StandardPage, "ural", title="Урал", region=region)
    page_en = translate(page, title="The Urals")

    assert "Екатеринбург" in client.get(page.url).text
    english = client.get(page_en.url).text
    assert "Ekaterinburg" in english and "Екатеринбург" not in english


@pytest.mark.django_db
def test_region_knows_its_local_time(locale_ru):
    from datetime import UTC, datetime

    from home.models import Region

    ekaterinburg = Region(locale=locale_ru, name="Екатеринбург", time_zone="Asia/Yekaterinburg")
    moscow = Region(locale=locale_ru, name="Москва", time_zone="Europe/Moscow")
    noon_utc = datetime(2026, 12, 7, 12, 0, tzinfo=UTC)

    assert noon_utc.astimezone(ekaterinburg.tzinfo).hour == 17
    assert noon_utc.astimezone(moscow.tzinfo).hour == 15
