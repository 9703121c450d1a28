"""Themes and regions in the language of the page that shows them.

Topic and Region are translatable snippets: a page, an event or a profile
points at the version its editor picked, in whatever language, and is shown
with the version of the page's language. A term not translated yet shows in
its own language. Slugs are the same in every language, so filters, feeds
and search facets name terms by slug.

The terms of every language are loaded together (one query) and kept in
the cache until a theme or region is saved or deleted (the taxonomy
generation, home/caching.py), so a warm page spends no query on them.
"""

from django.db.models import IntegerField, Value
from django.db.models.signals import post_delete, post_save
from django.utils import translation
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale

from home.caching import TAXONOMY, cached
from home.models import Region, Topic

CACHE_SECONDS = 60 * 60


class LocalTerms:
    """The themes and regions as one language shows them. Use it wherever a
    page shows or offers themes or regions: `terms_of_locale(locale_id)`
    for a page's language, `terms_of_language()` for the visitor's.

    `regions` and `topics` are the language's own terms, in their order
    (for filters and feed links)."""

    def __init__(self, all_regions, all_topics, in_language):
        self.regions = [region for region in all_regions if in_language(region)]
        self.topics = [topic for topic in all_topics if in_language(topic)]
        self._translations = {term.translation_key: term for term in self.regions + self.topics}
        self._regions = {region.pk: region for region in all_regions}
        self._regions_by_slug = _by_slug(all_regions, self.regions)
        self._topics_by_slug = _by_slug(all_topics, self.topics)

    def localized(self, term):
        """`term` in this language, or `term` itself if it has no
        translation yet (None for None)."""
        if term is None:
            return None
        return self._translations.get(term.translation_key, term)

    def localized_all(self, terms):
        """`terms` in this language, in their order (see `in_order`)."""
        return in_order([self.localized(term) for term in terms])

    def region_of(self, owner):
        """The region of `owner` (anything with a `region` foreign key) in
        this language. `owner.region` is filled from these terms, so
        neither costs a query."""
        if not owner.region_id:
            return None
        region = self._regions.get(owner.region_id)
        if region is not None:
            owner.region = region
        return self.localized(owner.region)

    def region(self, slug):
        """The region with this slug, in this language if it is translated;
        None if there is none."""
        return self._regions_by_slug.get(slug)

    def topic(self, slug):
        """The theme with this slug, in this language if it is translated;
        None if there is none."""
        return self._topics_by_slug.get(slug)


def _by_slug(every_term, own_terms):
    """{slug: term}: the language's own term, else one in another language."""
    return {term.slug: term for term in every_term} | {term.slug: term for term in own_terms}


def in_order(terms):
    """Themes or regions in the order the site shows them: by sort order,
    then by name."""
    return sorted(terms, key=lambda term: (term.sort_order, term.name))


def terms_of_locale(locale_id):
    """The themes and regions of the locale with this id (a page's
    `locale_id`)."""
    regions, topics = _all_terms()
    return LocalTerms(regions, topics, lambda term: term.locale_id == locale_id)


def terms_of_language(language=None):
    """The themes and regions of `language`, by default the active one."""
    code = get_supported_content_language_variant(language or translation.get_language())
    regions, topics = _all_terms()
    return LocalTerms(regions, topics, lambda term: term.locale.language_code == code)


def _all_terms():
    """([every region], [every theme]) of every language, in their order."""
    return cached("terms", _load_terms, TAXONOMY, timeout=CACHE_SECONDS)


# The columns of both models (a row has the other model's own as blanks).
COLUMNS = (
    "id",
    "translation_key",
    "locale_id",
    "name",
    "slug",
    "sort_order",
    "time_zone",
    "short_name",
    "description",
    "coordinators_id",
    "collection_id",
)


def _blank(column):
    # A typed blank: PostgreSQL unites a column only with its own type.
    if column.endswith("_id"):
        return Value(None, output_field=IntegerField())
    return Value("")


def _rows_of(model):
    """(model name, language code, *COLUMNS) of each term of `model`."""
    own = {field.attname for field in model._meta.concrete_fields}
    columns = [name if name in own else _blank(name) for name in COLUMNS]
    return model.objects.order_by().values_list(
        Value(model._meta.model_name), "locale__language_code", *columns
    )


def _load_terms():
    """Every region and theme with its locale, in one query for both (a
    cold page spends no more on them)."""
    rows = _rows_of(Region).union(_rows_of(Topic), all=True).order_by("sort_order", "name")
    found = {Region: [], Topic: []}
    locales = {}
    for model_name, language_code, *values in rows:
        model = Region if model_name == Region._meta.model_name else Topic
        fields = dict(zip(COLUMNS, values, strict=True))
        names = [field.attname for field in model._meta.concrete_fields]
        term = model.from_db(rows.db, names, [fields[name] for name in names])
        locale_id = fields["locale_id"]
        if locale_id not in locales:
            locales[locale_id] = Locale.from_db(
                rows.db, ["id", "language_code"], [locale_id, language_code]
            )
        term.locale = locales[locale_id]
        found[model].append(term)
    return found[Region], found[Topic]


def connect_signals():
    """A theme or region saved or deleted advances the taxonomy generation."""
    for model in (Region, Topic):
        post_save.connect(TAXONOMY.advance, sender=model, dispatch_uid=f"taxonomy-save-{model}")
        post_delete.connect(TAXONOMY.advance, sender=model, dispatch_uid=f"taxonomy-del-{model}")
