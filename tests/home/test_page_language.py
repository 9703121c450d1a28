"""tests/page_language.py, which the walk through the demo site uses to
find interface words in the other language: it finds them in the text and
in what a screen reader says, and leaves the content and the allowed names."""

import pytest

from tests.page_language import foreign_words, interface_text

pytestmark = pytest.mark.database_independent


def words(html, language):
    return [word for _, word, _ in foreign_words(interface_text(html), language)]


def test_english_interface_words_on_a_russian_page_are_found():
    html = """<html lang="ru"><head><title>Library · RUSMECO</title></head><body>
    <h1>Библиотека</h1><p>Read more</p></body></html>"""
    assert words(html, "ru") == ["Library", "Read", "more"]


def test_russian_on_an_english_page_is_found_in_attributes_and_buttons_too():
    html = """<form><input type="search" placeholder="Найти" aria-label="Search">
    <input type="submit" value="Искать"><img src="x.png" alt="Логотип">
    <a href="/en/" title="Главная">Home</a><button aria-label="Закрыть">×</button></form>"""
    assert words(html, "en") == ["Найти", "Искать", "Логотип", "Главная", "Закрыть"]


def test_allowed_names_addresses_and_scripts_are_not_interface_words():
    html = """<p>RUSMECO: e-mail info@rusmeco.example, https://rusmeco.example/ru/,
    RSS-лента, файлы PDF и CSV (UTC+3)</p><script>var label = "Search";</script>
    <style>.x::after { content: "More"; }</style>"""
    assert words(html, "ru") == []
    assert words('<select><option lang="ru">Русский</option></select>', "en") == []


def test_content_regions_are_left_out_and_taken_out_of_the_title():
    html = """<html lang="en"><head><title>Площадка для встречи · Forums · RUSMECO</title></head>
    <body><h1 lang="ru">Площадка для встречи</h1>
    <p>Posted by <span data-content>Анна Соколова</span></p>
    <button aria-label="Like Анна Соколова's post">Like</button>
    <div data-content><p>Привет всем!</p><img alt="Фото"></div>
    <textarea name="about">Инженер</textarea><input type="text" name="q" value="экспорт">
    <p>Results for экспорт</p></body></html>"""
    assert words(html, "en") == []


def test_a_word_of_the_other_language_outside_the_content_is_still_found():
    html = """<h1 data-content>Анна</h1><p>Анна wrote <b>Ещё</b></p>
    <p>Annabel <span lang="ru">Анна</span> Анна</p>"""
    assert words(html, "en") == ["Ещё"]
