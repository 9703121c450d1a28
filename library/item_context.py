"""What a case study or article page shows besides its own fields and its
read count (home/reads.py): its themes and region in the page's language,
related items ("More on this theme") and its comments.

Themes, region, lead image and documents change only when the page is
published or a theme is edited, so they are cached until the next such
change (the pages and taxonomy generations, home/caching.py). The related
items are asked for only when their shared fragment is not in the cache
(templates/library/item_base.html), so a warm page view costs one query,
for the comments.
"""

from django.utils.functional import SimpleLazyObject

from home.caching import PAGES, TAXONOMY, cached
from home.models import Region, Topic
from library.comments import comments_context
from library.listing import CACHE_SECONDS


def item_facts(page, preview=False):
    """The page's themes (in its language, with their theme-page URLs),
    region, lead image and documents. A preview shows the draft, so it is
    built afresh and not cached."""

    def build():
        themes = Topic.objects.filter(
            locale_id=page.locale_id,
            translation_key__in=[topic.translation_key for topic in page.topics.all()],
        )
        return {
            "themes": page.theme_links(themes),
            "region": Region.objects.filter(pk=page.region_id).first() if page.region_id else None,
            "lead_image": page.lead_image,
            "documents": documents_of(page),
        }

    if preview:
        return build()
    return cached(f"library:item:{page.pk}", build, PAGES, TAXONOMY, timeout=CACHE_SECONDS)


def documents_of(page):
    """[{title, url, extension, size}] of a case study's documents."""
    documents = []
    for block in getattr(page, "documents", None) or []:
        document = block.value.get("document")
        if document is not None:
            documents.append(
                {
                    "title": block.value.get("title") or document.title,
                    "url": document.url,
                    "extension": document.file_extension.upper(),
                    "size": document.get_file_size(),
                }
            )
    return documents


def item_context(page, request):
    facts = item_facts(page, preview=getattr(request, "is_preview", False))
    if facts["region"] is not None and facts["region"].pk == page.region_id:
        # Whether the member moderates here depends on the region
        # (library/moderation.py): the cached one spares its query.
        page.region = facts["region"]
    return {
        "themes": facts["themes"],
        "region": facts["region"],
        "lead_image": facts["lead_image"],
        "documents": facts["documents"],
        # Asked of the database only when the related items' fragment is
        # not in the cache (templates/library/item_base.html).
        "related_items": SimpleLazyObject(
            lambda: page.related_items([topic for topic, _url in facts["themes"]])
        ),
        **comments_context(page, request, page.url),
    }
