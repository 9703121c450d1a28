"""The forums on the home page: "Active discussions", the topics with the
latest posts on the boards of the home page's language (topics written in
every language), kept in the cache for a minute and dropped at once when a
page is published."""

from wagtail import hooks

from forums.models import BoardPage, ForumIndexPage, Topic
from home.caching import PAGES, cached
from home.sections import HomeSection

HOME_TOPICS = 5
HOME_CACHE_SECONDS = 60


def active_discussions(locale_id, limit):
    """[{"title", "url", "language", "reply_count", "last_activity_at"}]
    of the topics with the latest activity on the visible boards of that
    language: two queries."""
    boards = {
        board.translation_key: board
        for board in BoardPage.objects.visible(locale_id).only("id", "url_path", "translation_key")
    }
    topics = Topic.objects.filter(board_key__in=boards).order_by("-last_activity_at", "-pk")
    return [
        {
            "title": topic.title,
            "url": boards[topic.board_key].url
            + boards[topic.board_key].reverse_subpage("topic", args=[topic.pk]),
            "language": topic.language,
            "reply_count": topic.reply_count,
            "last_activity_at": topic.last_activity_at,
        }
        for topic in topics[:limit]
    ]


@hooks.register("register_home_section")
def active_discussions_section(request, page):
    def build():
        topics = active_discussions(page.locale_id, HOME_TOPICS)
        index = ForumIndexPage.objects.visible(page.locale_id).first() if topics else None
        return {"topics": topics, "forums_url": index.url if index else None}

    context = cached(
        f"forums:home-active:{page.locale_id}", build, PAGES, timeout=HOME_CACHE_SECONDS
    )
    if not context["topics"]:
        return None
    return HomeSection(order=35, template="forums/includes/home_discussions.html", context=context)
