"""Listings of library items (those `LibraryItemPage.objects.visible()`
gives): the data a card shows, and the index and theme pages' context.

Every listing costs a fixed number of queries, whatever the number of
items, themes or comments: counts of reads and comments are annotations of
the one listing query; themes, regions and lead-image renditions are
fetched once for the whole page of items.

What the sidebar shows changes only when pages are published or themes and
regions are edited, so it is cached until the next such change (the pages
and taxonomy generations, home/caching.py).
"""

from django.db.models import Count, IntegerField, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce
from wagtail.images import get_image_model

from home.caching import PAGES, TAXONOMY, cached
from home.pagination import page_of
from home.terms import terms_of_locale
from library.comments import comments_annotation
from library.filters import LibraryFilterForm
from library.models import LibraryItemPage, ReadCount
from library.models.pages import ITEMS_PER_PAGE

# The renditions a card's lead image uses (see templates/library/includes/item_card.html).
CARD_RENDITIONS = ["fill-480x270", "fill-960x540"]
CACHE_SECONDS = 60 * 60


def reads_annotation():
    reads = ReadCount.objects.filter(page=OuterRef("pk")).values("total")[:1]
    return Coalesce(Subquery(reads, output_field=IntegerField()), Value(0))


def with_counts(items):
    """Each item with `reads` and `comments`, in the same query."""
    return items.annotate(reads=reads_annotation(), comments=comments_annotation())


def with_card_data(items):
    """Everything a card shows, for any number of items in a fixed number
    of queries."""
    renditions = (
        get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)
    )
    return with_counts(
        items.select_related("region", "lead_image").prefetch_related(
            "topics", Prefetch("lead_image__renditions", queryset=renditions)
        )
    )


def newest(items):
    return items.order_by("-publication_date", "-first_published_at", "-pk")


def attach_themes(items, terms):
    """Give each item `themes`: its themes in the language of `terms`
    (home.terms.LocalTerms; an item translated with wagtail-localize keeps
    the themes of its source)."""
    for item in items:
        item.themes = terms.localized_all(item.topics.all())
    return items


def theme_counts(items, topics):
    """[(topic, number of items)] for every topic, in the topics' order."""
    counts = dict(
        items.order_by()
        .values_list("topics__translation_key")
        .annotate(total=Count("pk", distinct=True))
    )
    return [(topic, counts.get(topic.translation_key, 0)) for topic in topics]


def sidebar(library):
    """Themes, regions, publication years and theme counts of a library:
    the same for every visitor, so cached until the next change."""

    def build():
        items = LibraryItemPage.objects.visible(library.locale_id).child_of(library)
        terms = terms_of_locale(library.locale_id)
        return {
            "topics": terms.topics,
            "regions": terms.regions,
            "years": [date.year for date in items.dates("publication_date", "year", "DESC")],
            "theme_counts": theme_counts(items, terms.topics),
        }

    return cached(f"library:sidebar:{library.pk}", build, PAGES, TAXONOMY, timeout=CACHE_SECONDS)


def listing_context(request, library, topic):
    """Context of the library index (topic=None) and of a theme page."""
    facts = sidebar(library)
    topics = facts["topics"]
    filter_form = LibraryFilterForm(
        request.GET, topics=topics, regions=facts["regions"], years=facts["years"]
    )
    items = LibraryItemPage.objects.visible(library.locale_id).child_of(library)
    if topic is not None:
        # A theme page is the theme filter: the form offers the others.
        del filter_form.fields["theme"]
        items = items.filter(topics__translation_key=topic.translation_key)
    filtered = filter_form.apply(items, {t.slug: t for t in topics})

    page_of_items = page_of(request, with_card_data(newest(filtered)), ITEMS_PER_PAGE)
    return {
        "topic": topic,
        "items": attach_themes(list(page_of_items.object_list), terms_of_locale(library.locale_id)),
        "page_of_items": page_of_items,
        "filter_form": filter_form,
        "filtered": bool(filter_form.values()),
        "theme_counts": [
            (theme, count, library.topic_url(theme)) for theme, count in facts["theme_counts"]
        ],
        "feed_url": library.feed_url(topic),
        "library": library,
    }
