"""The forums on the home page and in the weekly digest.

"Active discussions" on the home page: the topics with the latest posts
on the boards of the home page's language (topics written in every
language), kept in the cache for a minute and dropped at once when a page
is published. The digest lists the topics with the most posts of the week.
Only what everyone may see (public()) is shown. The admin has the
moderation queue and log (forums/admin_views.py); a member's forum data
takes part in "My data" (forums/member_data.py).
"""

from types import SimpleNamespace

from django.db.models import Count
from wagtail import hooks

from forums import admin_views, member_data
from forums.models import BoardPage, ForumIndexPage, Post, Topic
from forums.moderation import DISCUSSIONS
from home.caching import PAGES, cached
from home.sections import HomeSection
from notifications.digest import Discussion, Versions, page_versions
from portal.links import absolute_url

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
    topics = (
        Topic.objects.public().filter(board_key__in=boards).order_by("-last_activity_at", "-pk")
    )
    return [
        {
            "title": topic.title,
            "url": boards[topic.board_key].topic_url(topic.pk),
            "language": topic.language,
            "reply_count": topic.reply_count,
            "last_activity_at": topic.last_activity_at,
        }
        for topic in topics[:limit]
    ]


# A member's topics, posts, likes and reading state in "My data".
hooks.register("register_member_data_export", member_data.export_forums)


@hooks.register("register_home_section")
def active_discussions_section(request, page):
    def build():
        topics = active_discussions(page.locale_id, HOME_TOPICS)
        index = ForumIndexPage.objects.visible(page.locale_id).first() if topics else None
        return {"topics": topics, "forums_url": index.url if index else None}

    context = cached(
        f"forums:home-active:{page.locale_id}",
        build,
        PAGES,
        DISCUSSIONS,
        timeout=HOME_CACHE_SECONDS,
    )
    if not context["topics"]:
        return None
    return HomeSection(order=35, template="forums/includes/home_discussions.html", context=context)


@hooks.register("register_digest_discussions")
def forum_discussions(start, end, limit):
    """The topics with the most public posts written in the period,
    on boards anyone may see, each linked on its board in every language
    the board has: three queries."""
    counted = (
        Post.objects.public()
        .filter(created_at__gte=start, created_at__lt=end)
        .values("topic_id")
        .annotate(count=Count("pk"))
        .order_by("-count", "topic_id")
    )
    # A few more than wanted: some may be on boards no longer visible.
    counts = {row["topic_id"]: row["count"] for row in counted[: limit * 4]}
    topics = Topic.objects.in_bulk(list(counts))
    boards = page_versions({str(topic.board_key) for topic in topics.values()}, BoardPage)
    found = []
    for topic_id, count in counts.items():
        topic = topics[topic_id]
        board_versions = boards[str(topic.board_key)]
        if not board_versions.pages:
            continue
        versions = Versions()
        for language, board in board_versions.pages.items():
            link = SimpleNamespace(
                title=topic.title, digest_url=absolute_url(board.topic_url(topic.pk))
            )
            versions.add(link, language)
        found.append(Discussion(f"forum-topic-{topic.pk}", versions, count))
    return found[:limit]


# The moderation queue and log (forums/admin_views.py).
hooks.register("register_admin_urls", admin_views.admin_urls)
hooks.register("register_admin_menu_item", admin_views.queue_menu_item)
hooks.register("register_reports_menu_item", admin_views.log_menu_item)
