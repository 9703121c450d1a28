"""The library's part of the weekly digest: its most commented items.

Forums and blogs register their own `register_digest_discussions`
function the same way, in their own wagtail_hooks.py (see
notifications/digest.py)."""

from django.db.models import Count
from wagtail import hooks

from notifications.digest import Discussion, page_versions


@hooks.register("register_digest_discussions")
def library_discussions(start, end, limit):
    """The library items with the most comments shown (public, not
    removed) posted in the period, the most commented first: three
    queries."""
    from library.comments import visible_comments
    from library.models import LibraryItemPage

    counted = (
        visible_comments()
        .filter(submit_date__gte=start, submit_date__lt=end)
        .values("object_pk")
        .annotate(count=Count("pk"))
        .order_by("-count", "object_pk")
    )
    # A few more than wanted: some may be on pages no longer visible.
    counts = {}
    for row in counted[: limit * 4]:
        if row["object_pk"].isdigit():
            counts[int(row["object_pk"])] = row["count"]
    by_key = {}
    for page in (
        LibraryItemPage.objects.visible().filter(pk__in=list(counts)).only("pk", "translation_key")
    ):
        key = str(page.translation_key)
        by_key[key] = by_key.get(key, 0) + counts[page.pk]
    versions = page_versions(by_key, LibraryItemPage)
    found = [
        Discussion(key, versions[key], count)
        for key, count in by_key.items()
        if versions[key].pages
    ]
    found.sort(key=lambda discussion: (-discussion.count, discussion.key))
    return found[:limit]
