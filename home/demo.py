"""The demo-content machinery: a registry every app adds its loader to, and
helpers to create pages and translations idempotently.

Each app keeps its demo content in its own `demo_content.py` and registers a
loader with `@demo_loader(order=...)`; `manage.py load_demo_content` imports
every app's module and runs the loaders in order, so a new app plugs in
without touching a central file. Loaders must be idempotent: they create
what is missing and leave alone what exists.

Translations go through wagtail-localize, as a coordinator's would: a
translation source, a translation, one string translation per segment, and
the target saved from them. Segments without an English string fall back
to the Russian source.
"""

from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules
from wagtail.models import Locale, Page
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationSource,
)


@dataclass(frozen=True)
class DemoLoader:
    order: int
    name: str
    function: object


_loaders: dict[str, DemoLoader] = {}


def demo_loader(order):
    def register(function):
        name = f"{function.__module__}.{function.__name__}"
        _loaders[name] = DemoLoader(order=order, name=name, function=function)
        return function

    return register


def registered_loaders():
    autodiscover_modules("demo_content")
    return sorted(_loaders.values(), key=lambda loader: (loader.order, loader.name))


def child_page(parent, page_class, slug, **fields):
    """Return the child of `parent` with this slug, creating and publishing
    it (with `fields`) if it does not exist yet."""
    existing = parent.get_children().filter(slug=slug).first()
    if existing is not None:
        return existing.specific
    page = page_class(slug=slug, locale=parent.locale, **fields)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def translate(instance, language_code, strings):
    """Translate a page or translatable snippet into `language_code` with
    wagtail-localize, unless a translation already exists.

    `strings` maps source text to its translation; segments it does not
    cover keep the source text. Returns the translated instance.
    """
    locale = Locale.objects.get(language_code=language_code)
    existing = instance.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific if isinstance(existing, Page) else existing

    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    segments = StringSegment.objects.filter(source=source).select_related("string", "context")
    for segment in segments:
        translated_text = strings.get(segment.string.data)
        if translated_text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": translated_text},
            )
    if not isinstance(instance, Page):
        translation.save_target(publish=True)
        return instance.get_translation(locale)
    # wagtail-localize publishes a page translation when the transaction
    # commits; save a draft and publish it here instead, so the page is live
    # as soon as this returns (inside a test's transaction too).
    translation.save_target(publish=False)
    translated = instance.get_translation(locale).specific
    translated.get_latest_revision().publish()
    translated.refresh_from_db()
    return translated
