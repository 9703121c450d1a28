"""Content apps add their sections to the home page through a hook, and the
home app needs to know none of them."""

import pytest
from wagtail import hooks

from home.sections import HomeSection


@pytest.mark.django_db
def test_registered_sections_appear_on_the_home_page_in_order(client, home_ru, tmp_path, settings):
    (tmp_path / "first.html").write_text("<section>{{ section.context.title }}</section>")
    (tmp_path / "second.html").write_text("<section>Second for {{ page.title }}</section>")
    engine = settings.TEMPLATES[0]
    settings.TEMPLATES = [{**engine, "DIRS": [*engine["DIRS"], tmp_path]}]

    def second(request, page):
        return HomeSection(order=20, template="second.html")

    def first(request, page):
        return HomeSection(order=10, template="first.html", context={"title": "Что нового"})

    def nothing(request, page):
        return None

    with (
        hooks.register_temporarily("register_home_section", second),
        hooks.register_temporarily("register_home_section", first),
        hooks.register_temporarily("register_home_section", nothing),
    ):
        html = client.get("/ru/").text

    assert "<section>Что нового</section>" in html
    assert f"<section>Second for {home_ru.title}</section>" in html
    assert html.index("Что нового") < html.index("Second for")
