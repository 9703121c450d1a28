"""Whether a translated page lags behind its original, for its readers.

wagtail-localize keeps no "out of date" flag (see editorial/translations.py,
the coordinators' side of the same rule): a translation is made from a
`TranslationSource`, a snapshot of the original page whose
`last_updated_at` is stamped when it is created and each time a
coordinator syncs it ("Sync translated pages": `update_from_db`). A
sync without "publish" only refreshes that snapshot (the translation is
published later, from the translation editor): until then its readers
still see the old text. A translated page therefore lags behind when its
original was published after the earlier of that stamp and the
translation's own last publication; drafts of the original do not count.

The answer is read with the page's language versions, in the one query the
language switcher makes (home/templatetags/portal_tags.py), and kept in the
cache with them until pages change: a publish, or a sync
(`connect_signals`).
"""

from django.db.models import Exists, OuterRef, Subquery
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import Translation, TranslationSource

from home.caching import PAGES

# "<The Russian original> was updated on ...": the original's language, in
# the language of the page that shows the notice.
ORIGINALS = {
    "ru": _("The Russian original"),
    "en": _("The English original"),
}


def with_sync_dates(versions, page):
    """`versions` (a queryset of the language versions of `page`) with, for
    each, when it was last synced as an original (`synced_at`, None if it
    never was) and whether `page` was translated from it
    (`translated_into_page`)."""
    as_original = {"object_id": OuterRef("translation_key"), "locale_id": OuterRef("locale_id")}
    return versions.annotate(
        synced_at=Subquery(
            TranslationSource.objects.filter(**as_original).values("last_updated_at")[:1]
        ),
        translated_into_page=Exists(
            Translation.objects.filter(
                source__object_id=OuterRef("translation_key"),
                source__locale_id=OuterRef("locale_id"),
                target_locale_id=page.locale_id,
                enabled=True,
            )
        ),
    )


def out_of_date_since(page, versions):
    """(language code of the original, when it was last published) if
    `page` was translated from one of `versions` (annotated by
    `with_sync_dates`, live) that was published after its last sync or
    after `page` itself was last published; else None."""
    for version in versions:
        if (
            version.locale_id != page.locale_id
            and version.translated_into_page
            and version.synced_at is not None
            and version.last_published_at is not None
            and (
                version.last_published_at > version.synced_at
                or (
                    page.last_published_at is not None
                    and version.last_published_at > page.last_published_at
                )
            )
        ):
            return version.locale.language_code, version.last_published_at
    return None


def connect_signals():
    """A sync stamps the source without publishing anything: it too
    advances the pages generation (a publish of the translation does
    already: home/navigation.py)."""
    post_save.connect(PAGES.advance, sender=TranslationSource, dispatch_uid="freshness-sync")
