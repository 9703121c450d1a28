"""manage.py check_catalogues: every interface string has its Russian
translation, none fuzzy or empty; the check fails on a small project that
lacks one, and passes on the portal itself."""

import textwrap
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import override_settings

from home.catalogues import find_problems

pytestmark = pytest.mark.database_independent

HEADER = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: ru\\n"
"Plural-Forms: nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && "
"(n%100<10 || n%100>=20) ? 1 : 2);\\n"

"""

GOOD_CATALOGUE = """\
msgid "Shop"
msgstr "Магазин"

msgid "Welcome to the shop"
msgstr "Добро пожаловать в магазин"

msgid "%(count)s item"
msgid_plural "%(count)s items"
msgstr[0] "%(count)s товар"
msgstr[1] "%(count)s товара"
msgstr[2] "%(count)s товаров"

msgctxt "button"
msgid "Buy"
msgstr "Купить"
"""


def write(path: Path, text: str):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


@pytest.fixture
def project(tmp_path):
    """A tiny project: an app `shop` with its catalogue, its code, and its
    templates in the project's templates/shop/ (they belong to the app's
    catalogue, as in the portal)."""
    write(
        tmp_path / "shop" / "views.py",
        """\
        from django.utils.translation import gettext_lazy as _, ngettext, pgettext

        TITLE = _("Shop")

        def items(count):
            return ngettext("%(count)s item", "%(count)s items", count) % {"count": count}

        BUY = pgettext("button", "Buy")
        """,
    )
    write(
        tmp_path / "templates" / "shop" / "index.html",
        """\
        {% load i18n %}
        <h1>{% translate "Welcome to the shop" %}</h1>
        """,
    )
    write(tmp_path / "locale" / "ru" / "LC_MESSAGES" / "django.po", HEADER)
    write(
        tmp_path / "shop" / "locale" / "ru" / "LC_MESSAGES" / "django.po", HEADER + GOOD_CATALOGUE
    )
    return tmp_path


SHOP_CATALOGUE = "shop/locale/ru/LC_MESSAGES/django.po"


def reasons(report):
    return [(problem.catalogue, problem.msgid, problem.reason) for problem in report.problems]


def test_a_complete_catalogue_passes(project):
    report = find_problems(project)
    assert report.problems == []
    assert report.strings == 4


def test_a_string_missing_from_the_catalogue_is_reported_with_the_file_to_edit(project):
    write(
        project / "templates" / "shop" / "basket.html",
        """\
        {% load i18n %}
        <p>{% blocktranslate %}Your basket is empty{% endblocktranslate %}</p>
        """,
    )
    report = find_problems(project)
    assert reasons(report) == [
        (SHOP_CATALOGUE, "Your basket is empty", "missing translation (add an entry)")
    ]
    assert report.problems[0].used_in == "templates/shop/basket.html:2"
    # Nothing is written into the project: no .pot, no templates turned into Python.
    assert sorted(p.name for p in project.rglob("*") if p.is_file()) == [
        "basket.html",
        "django.po",
        "django.po",
        "index.html",
        "views.py",
    ]


def test_a_string_of_code_without_an_app_catalogue_belongs_to_the_project_catalogue(project):
    write(
        project / "portal" / "urls.py",
        'from django.utils.translation import gettext as _\n_("Contact us")\n',
    )
    assert reasons(find_problems(project)) == [
        ("locale/ru/LC_MESSAGES/django.po", "Contact us", "missing translation (add an entry)")
    ]


def test_a_fuzzy_translation_is_reported(project):
    catalogue = project / SHOP_CATALOGUE
    catalogue.write_text(
        catalogue.read_text().replace('msgid "Shop"', '#, fuzzy\nmsgid "Shop"'), encoding="utf-8"
    )
    assert reasons(find_problems(project)) == [
        (SHOP_CATALOGUE, "Shop", "fuzzy translation (check it, then remove the fuzzy flag)")
    ]


def test_an_empty_plural_form_and_an_empty_translation_are_reported(project):
    catalogue = project / SHOP_CATALOGUE
    text = catalogue.read_text()
    text = text.replace('msgstr[2] "%(count)s товаров"', 'msgstr[2] ""')
    text = text.replace('msgstr "Купить"', 'msgstr ""')
    catalogue.write_text(text, encoding="utf-8")
    assert reasons(find_problems(project)) == [
        (SHOP_CATALOGUE, "%(count)s item", "empty plural form"),
        (SHOP_CATALOGUE, "Buy", "empty translation"),
    ]


def test_a_context_is_a_different_string(project):
    catalogue = project / SHOP_CATALOGUE
    catalogue.write_text(catalogue.read_text().replace('msgctxt "button"\n', ""), encoding="utf-8")
    problems = find_problems(project).problems
    assert [(p.msgid, p.msgctxt, p.reason) for p in problems] == [
        ("Buy", "button", "missing translation (add an entry)")
    ]


def test_russian_in_the_code_and_an_unknown_placeholder_are_reported(project):
    write(
        project / "shop" / "forms.py",
        'from django.utils.translation import gettext as _\n_("Корзина")\n',
    )
    catalogue = project / SHOP_CATALOGUE
    text = catalogue.read_text().replace('"Магазин"', '"Магазин %(name)s"')
    catalogue.write_text(text + '\nmsgid "Корзина"\nmsgstr "Корзина"\n', encoding="utf-8")
    assert reasons(find_problems(project)) == [
        (SHOP_CATALOGUE, "Shop", "translation uses %(name)s, which the code does not give"),
        (SHOP_CATALOGUE, "Корзина", "the code's string is not English (msgids are English)"),
    ]


def test_an_entry_written_twice_is_reported(project):
    catalogue = project / SHOP_CATALOGUE
    catalogue.write_text(
        catalogue.read_text() + '\nmsgid "Shop"\nmsgstr "Лавка"\n', encoding="utf-8"
    )
    assert reasons(find_problems(project)) == [
        (SHOP_CATALOGUE, "Shop", "entry written twice (keep one)")
    ]


def test_the_command_fails_and_names_the_catalogue(project, capsys):
    (project / SHOP_CATALOGUE).write_text(HEADER, encoding="utf-8")
    with override_settings(BASE_DIR=project), pytest.raises(CommandError) as failure:
        call_command("check_catalogues")
    assert "4 problem(s) in 1 catalogue(s): shop/locale/ru/LC_MESSAGES/django.po" in str(
        failure.value
    )
    assert 'missing translation (add an entry): "Welcome to the shop"' in capsys.readouterr().out


def test_the_portal_catalogues_are_complete(capsys):
    """Every interface string of the portal has its Russian translation."""
    call_command("check_catalogues")
    assert "Catalogues complete" in capsys.readouterr().out
    assert not list(Path(settings.BASE_DIR).glob("*/locale/*.pot"))
