"""Machine translation keeps to the glossary: each glossary term goes to
the translator already translated, in an element it leaves alone.

No machine translation service is reachable from the tests: the editor is
driven with the local stand-in translator of tests/home/fake_translator.py
(wagtail-localize's documented translator interface), and DeepL's HTTP API
is replaced by a local stand-in that echoes the texts it is sent, as DeepL
does with text it is told to ignore."""

import pytest
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from glossary.machine import GlossaryDeepLTranslator, GlossaryMixin
from tests.factories import GlossaryTermFactory
from tests.home.fake_translator import PrefixTranslator
from tests.home.test_machine_translation import editor_props, shown_translations


class GlossaryPrefixTranslator(GlossaryMixin, PrefixTranslator):
    """The tests' stand-in translator, keeping to the glossary as the
    portal's DeepL and LibreTranslate translators do."""


@pytest.fixture
def glossary(db):
    GlossaryTermFactory(term_ru="интеллектуальная собственность", term_en="intellectual property")
    GlossaryTermFactory(term_ru="лицензия", term_en="licence")
    GlossaryTermFactory(term_ru="сообщество практики", term_en="community of practice")
    GlossaryTermFactory(term_ru="ноу-хау", term_en="know-how & <more>")


def locales():
    return Locale.objects.get(language_code="ru"), Locale.objects.get(language_code="en")


@pytest.mark.django_db
def test_terms_reach_the_translator_translated_in_any_inflection(glossary, locale_ru, locale_en):
    strings = [
        StringValue("<p>Реестр <b>интеллектуальной собственности</b> &amp; лицензии.</p>"),
        StringValue("Без терминов."),
        StringValue('<a href="/ru/licenziya/">ноу-хау</a>'),
    ]

    translated = GlossaryPrefixTranslator({}).translate(*locales(), strings)

    assert [translated[string].data for string in strings] == [
        "[en] <p>Реестр <b>intellectual property</b> &amp; licence.</p>",
        "[en] Без терминов.",
        '[en] <a href="/ru/licenziya/">know-how &amp; &lt;more&gt;</a>',
    ]


@pytest.mark.django_db
def test_deepl_is_told_to_leave_the_terms_alone(glossary, locale_ru, locale_en, monkeypatch):
    sent = {}

    def deepl_stand_in(url, data, timeout, headers):
        sent.update(data)

        class Response:
            def json(self):
                return {"translations": [{"text": f"EN: {text}"} for text in data["text"]]}

        return Response()

    monkeypatch.setattr("wagtail_localize.machine_translators.deepl.requests.post", deepl_stand_in)
    translator = GlossaryDeepLTranslator(
        {"AUTH_KEY": "key:fx", "GLOSSARY_IDS": {("RU", "EN"): "community-glossary"}}
    )
    strings = [StringValue("Две лицензии."), StringValue("Две лицензии!")]

    translated = translator.translate(*locales(), strings)

    assert sent["ignore_tags"] == "glossary-term"
    assert sent["glossary_id"] == "community-glossary"
    assert sent["text"] == [
        'Две <glossary-term translate="no">licence</glossary-term>.',
        'Две <glossary-term translate="no">licence</glossary-term>!',
    ]
    assert [translated[string].data for string in strings] == [
        "EN: Две licence.",
        "EN: Две licence!",
    ]


@pytest.mark.django_db
@pytest.mark.localize
def test_the_editors_machine_translation_uses_the_glossary(
    client, settings, glossary, english_draft, about_ru, locale_en
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "tests.glossary.test_machine_translation.GlossaryPrefixTranslator",
        "OPTIONS": {},
    }
    editor_url = reverse("wagtailadmin_pages:edit", args=[english_draft.pk])

    button = editor_props(client, english_draft)["machineTranslator"]
    assert client.post(button["url"], {"next": editor_url}).status_code == 302

    shown = shown_translations(editor_props(client, english_draft))
    assert shown["Сообщество практики."] == "[en] community of practice."
    assert shown["О проекте"] == "[en] О проекте"
