"""The blogs' part in the notification centre, registered in apps.py:
members follow blogs (kind "blog", keyed by the author's account id), a
blog post can be what a notification is about, its author hears of the
comments on it ("reply", see comment_posted), and when a post is first
published its author's followers ("watched_post", in bulk, as
notifications/followed.py does) and the members it mentions ("mention")
are told. A draft, or a post of an account no longer active, is shown to
nobody and announced to nobody."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_tasks import task

from notifications.follows import FollowKind, register_follow_kind
from notifications.models import Follow
from notifications.notify import notify, notify_many
from notifications.targets import Shown, register_target

EVENT = "watched_post"


def register():
    from blogs.models import BlogPost

    register_follow_kind(
        FollowKind("blog", _("Blog"), key_of=lambda user: str(user.pk), find=_blogs)
    )
    register_target(BlogPost, present_posts, same_for_every_member=True)


def _blogs(keys, user):
    """{key: the blog's author's profile} for the blogs that exist: a
    member's blog is theirs, named as their profile names them."""
    from community.models import Profile

    # One's own blog is not something to follow.
    ids = [int(key) for key in keys if str(key).isdigit() and str(key) != str(user.pk)]
    profiles = Profile.objects.filter(user_id__in=ids, user__is_active=True).select_related("user")
    return {str(profile.user_id): profile for profile in profiles}


def present_posts(posts, user):
    """Published posts of active accounts, with their addresses under the
    blog index of the active language; two queries."""
    from blogs.models import BlogPost, blog_index

    index = blog_index()
    if index is None:
        return {}
    url = index.get_url()
    visible = BlogPost.objects.published().filter(pk__in=[post.pk for post in posts])
    shown = {}
    for post in visible.only("pk", "title", "slug", "author_id"):
        path = index.reverse_subpage("post", args=[post.author_id, post.slug])
        shown[post.pk] = Shown(post.title, url + path)
    return shown


def first_published(post, mentions):
    """Tell the followers and the mentioned members, once the post is
    committed."""
    post_id = post.pk
    mentioned = [mention.profile.user for mention in mentions]

    def tell():
        notify_followers.enqueue(post_id)
        for member in mentioned:
            notify(member, "mention", target=post, actor=post.author)

    transaction.on_commit(tell)


@task()
def notify_followers(post_id):
    """The followers of the author's blog, in chunks: a few queries per
    chunk whatever their number. Returns how many were told."""
    from blogs.models import BlogPost

    post = BlogPost.objects.published().filter(pk=post_id).first()
    if post is None:
        return 0
    follower_ids = Follow.objects.filter(kind="blog", key=str(post.author_id)).values_list(
        "user_id", flat=True
    )
    return notify_many(
        follower_ids, EVENT, target=post, key=f"blogpost:{post.pk}", actor=post.author
    )
