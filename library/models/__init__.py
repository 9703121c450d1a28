"""Models of the library: its pages, the read counts of its items and
where drafts made from discussions came from."""

from .pages import ArticlePage, CaseStudyPage, ItemType, LibraryIndexPage, LibraryItemPage
from .reads import ReadCount
from .sources import DiscussionSource

__all__ = [
    "ArticlePage",
    "CaseStudyPage",
    "DiscussionSource",
    "ItemType",
    "LibraryIndexPage",
    "LibraryItemPage",
    "ReadCount",
]
