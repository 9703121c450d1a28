"""Models of the library: its pages and the read counts of its items."""

from .pages import ArticlePage, CaseStudyPage, ItemType, LibraryIndexPage, LibraryItemPage
from .reads import ReadCount

__all__ = [
    "ArticlePage",
    "CaseStudyPage",
    "ItemType",
    "LibraryIndexPage",
    "LibraryItemPage",
    "ReadCount",
]
