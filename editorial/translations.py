"""Section 2: Russian pages of a region whose English version is missing or
out of date.

wagtail-localize keeps no "out of date" flag: "Sync translated pages"
(its update_translations view) re-reads the source page from the database
and stamps `TranslationSource.last_updated_at`, and the English page is
rebuilt from that snapshot. A sync without "publish" only stamps the
snapshot: the English page is published later, and until then its readers
see the old text. A translation therefore lags behind when its source page
was published after the earlier of that stamp and the English page's own
last publication (the rule readers see: home/freshness.py): the database
row the sync reads is the published content, so unpublished drafts do not
count.
"""

from django.conf import settings
from django.db.models import Case, Exists, F, IntegerField, OuterRef, Q, Subquery, Value, When
from django.urls import reverse
from django.utils.translation import gettext as _
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from editorial.permissions import editable_by
from editorial.regions import page_region_slug
from editorial.sections import Row, Section, first_rows

# Russian is the source language (LANGUAGE_CODE); English is the one
# language pages are translated into.
TARGET_LANGUAGE = "en"

NOT_TRANSLATED, NOT_PUBLISHED, OUT_OF_DATE = 0, 1, 2


def _translations_of(language_code):
    return Page.objects.filter(
        translation_key=OuterRef("translation_key"), locale__language_code=language_code
    ).order_by()


def translation_work(user):
    """Live source pages of the regions that need translating, each with
    its `region`, `state` and what the links need: the English page's id
    (`target_pk`), the wagtail-localize source's (`source_pk`) and whether
    `user` may edit the page (`editable`) and its translation
    (`target_editable`)."""
    synced_source = TranslationSource.objects.filter(
        object_id=OuterRef("translation_key"),
        locale_id=OuterRef("locale_id"),
        translations__target_locale__language_code=TARGET_LANGUAGE,
        translations__enabled=True,
    )
    pages = (
        Page.objects.live()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .annotate(
            region=page_region_slug(OuterRef("pk")),
            target_pk=Subquery(_translations_of(TARGET_LANGUAGE).values("pk")[:1]),
            target_live=Exists(_translations_of(TARGET_LANGUAGE).filter(live=True)),
            target_published_at=Subquery(
                _translations_of(TARGET_LANGUAGE).values("last_published_at")[:1]
            ),
            source_pk=Subquery(synced_source.values("pk")[:1]),
            synced_at=Subquery(synced_source.values("last_updated_at")[:1]),
            editable=editable_by(user, OuterRef("pk")),
        )
        .annotate(
            state=Case(
                When(target_pk__isnull=True, then=Value(NOT_TRANSLATED)),
                When(target_live=False, then=Value(NOT_PUBLISHED)),
                When(
                    Q(last_published_at__gt=F("synced_at"))
                    | Q(last_published_at__gt=F("target_published_at")),
                    source_pk__isnull=False,
                    then=Value(OUT_OF_DATE),
                ),
                default=None,
                output_field=IntegerField(),
            ),
            target_editable=editable_by(user, OuterRef("target_pk")),
        )
    )
    return pages.filter(state__isnull=False)


def _row(page):
    """A page to translate, linked to the editor and to the screen that
    does the work, where the user may go there."""
    editable = page["editable"]
    edit_url = reverse("wagtailadmin_pages:edit", args=[page["pk"]]) if editable else ""
    if page["state"] == NOT_TRANSLATED:
        return Row(
            page["title"],
            edit_url,
            note=_("no English translation"),
            action_label=_("Translate"),
            action_url=reverse("wagtail_localize:submit_page_translation", args=[page["pk"]])
            if editable
            else "",
        )
    if page["state"] == NOT_PUBLISHED:
        return Row(
            page["title"],
            edit_url,
            note=_("English translation not published"),
            action_label=_("Open the translation"),
            action_url=reverse("wagtailadmin_pages:edit", args=[page["target_pk"]])
            if page["target_editable"]
            else "",
        )
    return Row(
        page["title"],
        edit_url,
        note=_("changed since the English translation was synced"),
        action_label=_("Sync the translation"),
        action_url=reverse("wagtail_localize:update_translations", args=[page["source_pk"]])
        if editable
        else "",
    )


def translations_to_do(region_slugs, user):
    section = Section(
        key="translations",
        title=_("Translations missing or out of date"),
        empty=_("Every page has an up-to-date English translation."),
    )
    pages = first_rows(
        translation_work(user).filter(region__in=region_slugs),
        "region",
        # Most recently published first: the freshest changes are the ones
        # readers of the English site miss.
        order_by=[F("last_published_at").desc(), F("pk").desc()],
    ).values(
        "region",
        "total",
        "pk",
        "title",
        "state",
        "target_pk",
        "source_pk",
        "editable",
        "target_editable",
    )
    for page in pages:
        section.add(page["region"], page["total"], _row(page))
    return section
