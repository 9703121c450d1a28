"""The usual ways to list library items, as methods of
`LibraryItemPage.objects`:

    LibraryItemPage.objects.visible(locale_id).newest().with_card_data()

Counts of reads and comments are annotations of the one listing query;
themes, regions and lead-image renditions are fetched once for the whole
page of items, so a listing costs a fixed number of queries.
"""

from django.db.models import Prefetch
from wagtail.images import get_image_model
from wagtail.models import PageManager

from home.querysets import PortalPageQuerySet
from home.reads import reads_annotation
from library.comments import comments_annotation

# The renditions a card's lead image uses (see templates/library/includes/item_card.html).
CARD_RENDITIONS = ["fill-480x270", "fill-960x540"]


class LibraryItemQuerySet(PortalPageQuerySet):
    def newest(self):
        """Newest first, by publication date."""
        return self.order_by("-publication_date", "-first_published_at", "-pk")

    def with_counts(self):
        """Each item with `reads` and `comments`, in the same query."""
        return self.annotate(reads=reads_annotation(), comments=comments_annotation())

    def with_card_data(self):
        """Everything a card shows, for any number of items in a fixed
        number of queries."""
        renditions = (
            get_image_model().get_rendition_model().objects.filter(filter_spec__in=CARD_RENDITIONS)
        )
        items = self.select_related("region", "lead_image").prefetch_related(
            "topics", Prefetch("lead_image__renditions", queryset=renditions)
        )
        return items.with_counts()


LibraryItemManager = PageManager.from_queryset(LibraryItemQuerySet)
