"""Which page types count their reads (home/reads.py)."""

from home.reads import ReadCountingMixin, counted_page_models


def test_library_items_and_regional_news_count_their_reads():
    counted = {model._meta.label for model in counted_page_models()}
    assert counted == {
        "library.LibraryItemPage",
        "library.CaseStudyPage",
        "library.ArticlePage",
        "community.NewsPage",
    }
    assert all(issubclass(model, ReadCountingMixin) for model in counted_page_models())
