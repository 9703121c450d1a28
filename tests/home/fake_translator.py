from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue


class PrefixTranslator(BaseMachineTranslator):
    """A local stand-in for DeepL or LibreTranslate in the tests, because no
    machine translation service is reachable from them.

    It implements wagtail-localize's documented translator interface
    (`translate()` and `can_translate()`) and "translates" deterministically,
    without the network, by putting the target language in front of the
    text: "О проекте" becomes "[en] О проекте".
    """

    display_name = "Prefix translator"

    def translate(self, source_locale, target_locale, strings):
        # `strings` are StringValues holding HTML; a plain-text prefix keeps
        # that HTML valid.
        prefix = f"[{target_locale.language_code}] "
        return {string: StringValue(prefix + string.data) for string in strings}

    def can_translate(self, source_locale, target_locale):
        return source_locale.language_code != target_locale.language_code
