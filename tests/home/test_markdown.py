"""Members' Markdown becomes HTML that is safe to show: nothing runs,
nothing loads from elsewhere, links are marked as members' links, and
mentions of members link to their profiles."""

import pytest
from bs4 import BeautifulSoup

from community.mentions import MAX_MENTIONS
from community.models import Visibility
from home.markdown import render_markdown
from tests.factories import MemberFactory
from tests.helpers import inline_code


def html_of(text, writer=None):
    html, _mentions = render_markdown(text, writer)
    return html


def soup(text, writer=None):
    return BeautifulSoup(html_of(text, writer), "html.parser")


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        "<b onclick=alert(1)>bold</b>",
        '<a href="javascript:alert(1)">x</a>',
        "<style>body{display:none}</style>",
        "<iframe src=https://evil.example></iframe>",
    ],
)
def test_html_in_the_text_is_shown_as_text(text):
    page = soup(text)
    assert page.find(["script", "img", "b", "iframe", "style"]) is None
    assert not page.find_all("a")
    assert inline_code(f"<html><body>{page}</body></html>") == []
    assert text.split(">")[0].lstrip("<") in page.get_text()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "text",
    [
        "[click](javascript:alert(1))",
        "[click](JAVASCRIPT:alert(1))",
        "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[click](vbscript:msgbox(1))",
        "<javascript:alert(1)>",
    ],
)
def test_dangerous_links_are_not_links(text):
    assert soup(text).find("a", href=True) is None


@pytest.mark.django_db
def test_images_are_not_embedded_and_links_are_marked_as_members_links():
    page = soup("![tracker](https://tracker.example/pixel.png) and [a site](https://example.org)")
    assert page.find("img") is None
    links = page.find_all("a")
    assert [link["href"] for link in links] == [
        "https://tracker.example/pixel.png",
        "https://example.org",
    ]
    assert all(link["rel"] == ["nofollow", "ugc", "noopener"] for link in links)


@pytest.mark.django_db
def test_quotes_code_lists_and_tables_survive():
    page = soup(
        "> Quoted *post*\n\n```\nprint('<hi>')\n```\n\n- one\n- two\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n\n~~gone~~"
    )
    assert " ".join(page.find("blockquote").get_text().split()) == "Quoted post"
    assert page.find("pre").find("code").get_text() == "print('<hi>')\n"
    assert [item.get_text() for item in page.find_all("li")] == ["one", "two"]
    assert [cell.get_text() for cell in page.find_all("td")] == ["1", "2"]
    assert page.find(["s", "del"]).get_text() == "gone"


@pytest.mark.django_db
def test_mentions_link_to_the_members_profile_but_not_in_code(people_ru):
    anna = MemberFactory(first_name="Анна", last_name="Соколова")
    writer = MemberFactory()
    html, mentions = render_markdown("Спасибо, @анна соколова! Но не `@Анна Соколова`.", writer)
    page = BeautifulSoup(html, "html.parser")
    [link] = page.find_all("a", class_="mention")
    assert link.get_text() == "@анна соколова"
    assert link["href"] == f"/ru/people/member/{anna.profile.pk}/"
    assert page.find("code").get_text() == "@Анна Соколова"
    assert {mention.profile.user for mention in mentions} == {anna}


@pytest.mark.django_db
def test_unknown_shared_and_hidden_names_mention_nobody(people_ru):
    MemberFactory(first_name="Иван", last_name="Петров")
    MemberFactory(first_name="Иван", last_name="Петров")
    hidden = MemberFactory(first_name="Ольга", last_name="Белова")
    hidden.profile.visibility = Visibility.PRIVATE
    hidden.profile.save()
    html, mentions = render_markdown(
        "@Никто Неизвестный, @Иван Петров, @Ольга Белова, mail me at a@b.example", MemberFactory()
    )
    assert mentions == []
    assert BeautifulSoup(html, "html.parser").find("a", class_="mention") is None


@pytest.mark.django_db
def test_thousands_of_mentions_look_up_a_bounded_number(people_ru, django_assert_max_num_queries):
    members = [MemberFactory(first_name=f"Имя{number}", last_name="Тест") for number in range(12)]
    text = " ".join(f"@Имя{number % 12} Тест" for number in range(3000))
    writer = MemberFactory()
    # The profiles, the people directory and its site: not one per mention.
    with django_assert_max_num_queries(4):
        html, mentions = render_markdown(text, writer)
    assert len(mentions) == MAX_MENTIONS
    assert {mention.profile.user for mention in mentions} == set(members[:MAX_MENTIONS])
    assert len(BeautifulSoup(html, "html.parser").find_all("a", class_="mention")) <= MAX_MENTIONS


@pytest.mark.django_db
def test_a_very_long_text_is_rendered_whole():
    text = "слово " * 20_000
    assert len(soup(text).get_text().split()) == 20_000
