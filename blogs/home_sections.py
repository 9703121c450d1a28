"""The blogs on the home page: "Recent blog posts" (featured posts first)
and the newest posts in "What's new".

The section is kept in the cache for a minute per language and dropped at
once when a post is saved or deleted (the POSTS generation, advanced by
the signals connected in apps.py), so a warm home page spends no query on
it. Saving or deleting a post also drops "What's new" (its ENTRIES
generation), and nothing else that is cached."""

from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from blogs.models import BlogIndexPage, BlogPost
from home.caching import Generation, cached
from home.sections import HomeSection
from home.whats_new import ENTRIES, WhatsNewEntry, WhatsNewSource

CACHE_SECONDS = 60
POSTS_SHOWN = 5
POSTS = Generation("blogs:posts")


def _posts_changed(**kwargs):
    POSTS.advance()
    # A post withdrawn to a draft or deleted leaves "What's new" at once.
    ENTRIES.advance()


def connect_signals():
    post_save.connect(_posts_changed, sender=BlogPost, dispatch_uid="blogs-posts-saved")
    post_delete.connect(_posts_changed, sender=BlogPost, dispatch_uid="blogs-posts-deleted")


def _index(locale_id):
    return BlogIndexPage.objects.visible(locale_id).first()


def _author_name(post):
    profile = getattr(post.author, "profile", None)
    return profile.display_name if profile else post.author.get_username()


def _recent(locale_id):
    index = _index(locale_id)
    if index is None:
        return None
    posts = list(
        BlogPost.objects.published()
        .select_related("author", "author__profile")
        .featured_first()[:POSTS_SHOWN]
    )
    return {
        "index_url": index.url,
        "posts": [
            {
                "title": post.title,
                "url": index.post_url(post),
                "author": _author_name(post),
                "published_at": post.published_at,
                "featured": post.featured,
                "language": post.language,
            }
            for post in posts
        ],
    }


def recent_posts(request, page):
    data = cached(
        f"blogs:home:{page.locale_id}",
        lambda: _recent(page.locale_id),
        POSTS,
        timeout=CACHE_SECONDS,
    )
    if not data or not data["posts"]:
        return None
    return HomeSection(order=35, template="blogs/includes/home_recent_posts.html", context=data)


def newest_posts(locale_id, limit):
    """For "What's new": the newest published posts, by the moment they came
    out."""
    index = _index(locale_id)
    if index is None:
        return None
    posts = list(
        BlogPost.objects.published().select_related("author", "author__profile").newest()[:limit]
    )
    if not posts:
        return None
    return WhatsNewSource(
        entries=[
            WhatsNewEntry(
                date=post.published_at,
                title=post.title,
                url=index.post_url(post),
                kind=_("Blog post"),
                authors=[_author_name(post)],
            )
            for post in posts
        ],
        link_label=_("All blog posts"),
        link_url=index.url,
    )
