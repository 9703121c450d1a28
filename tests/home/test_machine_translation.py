"""Coordinators can have a page machine-translated in wagtail-localize's
translation editor when DEEPL_API_KEY or LIBRETRANSLATE_URL configures a
translator; without either, the editor offers no machine translation.

No machine translation service is reachable from the tests: the settings are
checked in a fresh interpreter, and the editor is driven with a local
stand-in translator (tests/home/fake_translator.py)."""

import html
import json
import re

import pytest
from django.urls import reverse
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)

from tests.factories import StaffFactory
from tests.helpers import run_python

TRANSLATOR_VARIABLES = ("DEEPL_API_KEY", "LIBRETRANSLATE_URL", "LIBRETRANSLATE_API_KEY")
DEEPL = "glossary.machine.GlossaryDeepLTranslator"
LIBRETRANSLATE = "glossary.machine.GlossaryLibreTranslator"
FAKE = "tests.home.fake_translator.PrefixTranslator"


def read_translator(**env):
    """The machine translator setting, and where the translator it makes
    would send the text, in a fresh interpreter with these variables."""
    code = (
        "import json, django; django.setup(); "
        "from django.conf import settings; "
        "from wagtail_localize.machine_translators import get_machine_translator; "
        "translator = get_machine_translator(); "
        "print(json.dumps({"
        "'setting': getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', None), "
        "'endpoint': translator and translator.get_api_endpoint()}))"
    )
    # django.setup() needs a secret key; base.py leaves it to the environment.
    result = run_python(code, "portal.settings.base", SECRET_KEY="machine-translation-test", **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def no_translator_variables(monkeypatch):
    # The subprocess inherits this process's environment.
    for variable in TRANSLATOR_VARIABLES:
        monkeypatch.delenv(variable, raising=False)


@pytest.mark.database_independent
@pytest.mark.usefixtures("no_translator_variables")
def test_without_variables_there_is_no_machine_translator():
    assert read_translator() == {"setting": None, "endpoint": None}


@pytest.mark.database_independent
@pytest.mark.usefixtures("no_translator_variables")
@pytest.mark.parametrize(
    ("key", "endpoint"),
    [
        ("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0:fx", "https://api-free.deepl.com/v2/translate"),
        ("0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0", "https://api.deepl.com/v2/translate"),
    ],
)
def test_deepl_api_key_chooses_deepl_and_free_keys_its_free_api(key, endpoint):
    values = read_translator(DEEPL_API_KEY=key)

    assert values["setting"] == {"CLASS": DEEPL, "OPTIONS": {"AUTH_KEY": key}}
    assert values["endpoint"] == endpoint


@pytest.mark.database_independent
@pytest.mark.usefixtures("no_translator_variables")
def test_libretranslate_url_chooses_libretranslate_with_its_key():
    values = read_translator(
        LIBRETRANSLATE_URL="https://translate.rusmeco.example/",
        LIBRETRANSLATE_API_KEY="libre-key",
    )

    assert values["setting"] == {
        "CLASS": LIBRETRANSLATE,
        "OPTIONS": {
            "LIBRETRANSLATE_URL": "https://translate.rusmeco.example",
            "API_KEY": "libre-key",
        },
    }
    assert values["endpoint"] == "https://translate.rusmeco.example"


@pytest.mark.database_independent
@pytest.mark.usefixtures("no_translator_variables")
def test_libretranslate_needs_no_key():
    values = read_translator(LIBRETRANSLATE_URL="http://127.0.0.1:5000")

    assert values["setting"]["OPTIONS"] == {
        "LIBRETRANSLATE_URL": "http://127.0.0.1:5000",
        "API_KEY": "",
    }


@pytest.mark.database_independent
@pytest.mark.usefixtures("no_translator_variables")
def test_deepl_wins_when_both_are_configured():
    values = read_translator(
        DEEPL_API_KEY="deepl-key:fx", LIBRETRANSLATE_URL="http://127.0.0.1:5000"
    )

    assert values["setting"]["CLASS"] == DEEPL


@pytest.fixture
def superuser(db):
    return StaffFactory(username="chief", is_superuser=True, is_staff=True)


@pytest.fixture
def english_draft(client, superuser, about_ru, home_en, locale_en):
    """An English translation of the About page, just created in the admin:
    a draft whose strings nobody has translated yet."""
    client.force_login(superuser)
    response = client.post(
        reverse("wagtail_localize:submit_page_translation", args=[about_ru.pk]),
        {"locales": [locale_en.pk]},
    )
    assert response.status_code == 302
    return about_ru.get_translation(locale_en)


def editor_props(client, page):
    """What wagtail-localize's translation editor is given to show."""
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    match = re.search(r'class="js-translation-editor" data-props="([^"]*)"', response.text)
    assert match, "the translation editor is not on the page"
    return json.loads(html.unescape(match.group(1)))


def shown_translations(props):
    """{source text: translation shown in the editor}."""
    source_by_segment = {segment["id"]: segment["source"] for segment in props["segments"]}
    return {
        source_by_segment[translated["segment_id"]]: translated["data"]
        for translated in props["initialStringTranslations"]
    }


@pytest.mark.django_db
@pytest.mark.localize
def test_machine_translation_fills_the_untranslated_strings_in_the_editor(
    client, settings, english_draft, about_ru, locale_en, superuser
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {"CLASS": FAKE, "OPTIONS": {}}
    # The title was already translated by hand; that must stay.
    source = TranslationSource.objects.get_for_instance(about_ru)
    title = StringSegment.objects.get(source=source, context__path="title")
    StringTranslation.objects.create(
        translation_of=title.string,
        context=title.context,
        locale=locale_en,
        data="About the project",
        translation_type=StringTranslation.TRANSLATION_TYPE_MANUAL,
    )
    editor_url = reverse("wagtailadmin_pages:edit", args=[english_draft.pk])

    button = editor_props(client, english_draft)["machineTranslator"]
    assert button["name"] == "Prefix translator"
    response = client.post(button["url"], {"next": editor_url})

    assert response.status_code == 302
    assert response["Location"] == editor_url
    assert shown_translations(editor_props(client, english_draft)) == {
        "О проекте": "About the project",
        "Сообщество практики.": "[en] Сообщество практики.",
        "about": "[en] about",  # the slug is a string too; saving slugifies it
    }
    machine_made = StringTranslation.objects.get(locale=locale_en, data="[en] Сообщество практики.")
    assert machine_made.translation_type == StringTranslation.TRANSLATION_TYPE_MACHINE
    assert machine_made.tool_name == "Prefix translator"
    assert machine_made.last_translated_by == superuser


@pytest.mark.django_db
@pytest.mark.localize
def test_without_a_translator_the_editor_offers_no_machine_translation(
    client, settings, english_draft, about_ru, locale_en
):
    # Deleted rather than assumed absent: a developer may have DEEPL_API_KEY set.
    del settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR

    props = editor_props(client, english_draft)

    assert props["machineTranslator"] is None
    assert props["segments"]  # the editor itself is there, with strings to translate
    translation = Translation.objects.get(
        source=TranslationSource.objects.get_for_instance(about_ru), target_locale=locale_en
    )
    # Posting anyway translates nothing. (The view's 404 first goes through
    # the LocaleMiddleware's redirect to a /ru/ address, which is not found
    # either.)
    response = client.post(
        reverse("wagtail_localize:machine_translate", args=[translation.pk]), follow=True
    )
    assert response.status_code == 404
    page_strings = StringSegment.objects.filter(source=translation.source).values("string")
    assert not StringTranslation.objects.filter(
        locale=locale_en, translation_of__in=page_strings
    ).exists()
