"""Comments on library items and member blog posts, with
django-comments-xtd (what may be commented: library/commentable.py).

Members comment on case studies, articles and blog posts; replies nest up
to three levels (COMMENTS_XTD_MAX_THREAD_LEVEL = 2). A comment is shown
when it is public and not removed. Two ways out:

- The author deletes it: its text is wiped and it is marked removed, and its
  replies stay (the thread shows "deleted by its author" in its place).
- A moderator, or a coordinator of the item's (or post's) region, hides it
  (django-comments' "remove", with a moderator flag): django-comments-xtd
  hides its replies along with it, and approving it brings them back.
  Moderators see hidden comments on the page.

Those who do not moderate an item's comments get its thread from the cache
(public_thread), dropped at once when its comments change.
"""

from dataclasses import dataclass, replace
from datetime import datetime
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Count, IntegerField, OuterRef, Prefetch, Q, Subquery, Value
from django.db.models.functions import Cast, Coalesce
from django.db.models.signals import post_delete, post_save
from django.shortcuts import resolve_url
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from django_comments.models import CommentFlag
from django_comments_xtd.models import XtdComment

from home.caching import Generation, cached
from library.commentable import objects_of
from library.forms import LibraryCommentForm
from library.moderation import can_moderate
from notifications.targets import Shown, present
from portal import page_cache


def visible_comments():
    return XtdComment.norel_objects.filter(
        site_id=settings.SITE_ID, is_public=True, is_removed=False
    )


def comments_annotation():
    """An annotation: the number of visible comments of each item of a
    queryset of library pages, in the same query. (A page's content type is
    that of its own type, the one its comments are posted for.)"""
    counts = (
        visible_comments()
        .filter(
            content_type=OuterRef("content_type"),
            object_pk=Cast(OuterRef("pk"), output_field=CharField()),
        )
        .order_by()
        .values("object_pk")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))


def comments_of(commented, user, moderates=None):
    """(thread tree, number of visible comments) of a library item or blog
    post, in one query. Those who moderate its comments
    (library/moderation.py; `moderates` when already known) also get
    hidden comments, with their flag counts."""
    comments = XtdComment.objects.filter(
        content_type=ContentType.objects.get_for_model(commented),
        object_pk=str(commented.pk),
        site_id=settings.SITE_ID,
    ).prefetch_related(
        # django-comments-xtd's tree reads each comment's flags; the page
        # needs none of them (moderators get a count below), so an empty
        # prefetch spares a query per comment.
        Prefetch("flags", queryset=CommentFlag.objects.none())
    )
    if moderates is None:
        moderates = can_moderate(user, commented)
    if moderates:
        comments = comments.annotate(
            flag_count=Count("flags", filter=Q(flags__flag=CommentFlag.SUGGEST_REMOVAL))
        )
    else:
        comments = comments.filter(is_public=True)
    comments = list(comments)
    # The tree asks its user for "can moderate" (two queries) only to count
    # flags, which the page does not take from it (flag_count above): an
    # anonymous user builds the same tree without asking.
    tree = XtdComment.tree_from_queryset(comments, user=AnonymousUser())
    visible = sum(1 for comment in comments if comment.is_public and not comment.is_removed)
    return tree, visible


# The public thread of a library item or blog post (what every visitor who
# does not moderate its comments sees) comes from the cache, with each
# shown comment's name, date and text already rendered, until its comments
# change. One generation per commented object rather than one for all
# comments: a comment posted on one item then leaves the threads of every
# other item cached, and every change to a comment knows its object (the
# comment's content type and object id). The changes that are not one
# object's (a member renames their account or is erased, and their
# comments may be on many items) advance COMMENTERS, which every thread is
# built from too: they are rare, and advancing the thread of each object
# the member commented on would cost a query at every rename.
THREAD_SECONDS = 24 * 60 * 60
COMMENTERS = Generation("comments:commenters")
# The account fields a comment's name is taken from (django-comments'
# Comment.userinfo: the full name, else the user name).
NAME_FIELDS = frozenset({"first_name", "last_name", "username"})


def thread_generation(content_type_id, object_pk):
    return Generation(f"comments:thread:{content_type_id}:{object_pk}", listed=False)


def thread_changed(comment):
    """Drop the cached public thread `comment` is in; a signal receiver (the
    comment's save and deletion), and called after the writes that send no
    signal (queryset `update()`)."""
    thread_generation(comment.content_type_id, comment.object_pk).changed()


def _comment_changed(sender, instance, **kwargs):
    thread_changed(instance)


def _member_changed(sender, instance, created=False, update_fields=None, **kwargs):
    # A new member has no comments yet; a log-in only writes last_login.
    if created or (update_fields is not None and not NAME_FIELDS & set(update_fields)):
        return
    # Renamed, or deleted (their comments keep the name given when posted).
    COMMENTERS.changed()


def connect_signals():
    """Connected in LibraryConfig.ready(). Flags (CommentFlag) advance
    nothing: only moderators see them, and moderators never get the cached
    thread. django-comments-xtd's hiding and showing of replies (an
    `update()` before the comment's own save) is followed by that save's
    post_save."""
    post_save.connect(_comment_changed, sender=XtdComment, dispatch_uid="comments-thread-saved")
    post_delete.connect(_comment_changed, sender=XtdComment, dispatch_uid="comments-thread-deleted")
    user_model = get_user_model()
    post_save.connect(_member_changed, sender=user_model, dispatch_uid="comments-member-saved")
    post_delete.connect(_member_changed, sender=user_model, dispatch_uid="comments-member-deleted")


@dataclass(frozen=True)
class ThreadComment:
    """A comment of a cached public thread: what comment_nodes.html reads,
    and nothing more (no e-mail or IP address, no account in the cache)."""

    pk: int
    user_id: int | None
    name: str
    submit_date: datetime
    comment: str
    is_public: bool
    is_removed: bool
    allow_thread: bool
    # The name, date and text (comment_body.html), in the thread's language.
    body: str = ""


def _thread_node(node):
    comment = node["comment"]
    shown = ThreadComment(
        pk=comment.pk,
        user_id=comment.user_id,
        name=comment.name,
        submit_date=comment.submit_date,
        comment=comment.comment,
        is_public=comment.is_public,
        is_removed=comment.is_removed,
        allow_thread=comment.allow_thread(),
    )
    body = ""
    if not comment.is_removed:
        body = render_to_string("library/includes/comment_body.html", {"comment": shown})
    return {
        "comment": replace(shown, body=body),
        "children": [_thread_node(child) for child in node["children"]],
    }


def public_thread(commented):
    """(thread tree, number of visible comments) of a library item or blog
    post as those who do not moderate its comments see it: from the cache
    until its comments change (see THREAD_SECONDS above)."""
    content_type = ContentType.objects.get_for_model(commented)

    def build():
        tree, visible = comments_of(commented, None, moderates=False)
        return [_thread_node(node) for node in tree], visible

    return cached(
        f"comments:thread:{content_type.pk}:{commented.pk}:{get_language()}:{settings.SITE_ID}",
        build,
        thread_generation(content_type.pk, commented.pk),
        COMMENTERS,
        timeout=THREAD_SECONDS,
    )


def comments_context(commented, request, url):
    """What the comments section (templates/library/includes/comments.html)
    of a library item or blog post at `url` needs: for those who moderate
    its comments one query for the comments, none for the rest; for the
    others the thread from the cache (public_thread)."""
    moderates = can_moderate(request.user, commented)
    if moderates:
        comment_tree, comment_total = comments_of(commented, request.user, moderates)
    else:
        comment_tree, comment_total = public_thread(commented)
    form = LibraryCommentForm(commented)
    next_url = urlencode({"next": f"{url}#comments"})
    return {
        "comment_tree": comment_tree,
        "comment_total": comment_total,
        "comment_form": form,
        # The form's hidden fields (what it is for, its timestamp and
        # security hash: this request's own) are the same in every reply
        # form of the page: rendered once.
        "comment_form_hidden": hidden_fields(form) if request.user.is_authenticated else "",
        "can_moderate": moderates,
        "login_url": f"{resolve_url(settings.LOGIN_URL)}?{next_url}",
    }


def hidden_fields(form):
    """The hidden fields of a comment form but reply_to (each form of the
    page gives its own), as HTML."""
    return mark_safe(  # noqa: S308 - Django's widgets, escaped there
        "".join(str(field) for field in form.hidden_fields() if field.name != "reply_to")
    )


def export_comments(user):
    comments = list(XtdComment.norel_objects.filter(user=user).order_by("submit_date"))
    commented = objects_of(comments)
    return [
        {
            # The title of the library item or blog post commented on.
            "page": getattr(commented.get(c.pk), "title", None),
            "page_id": c.object_pk,
            "submitted": c.submit_date.isoformat(),
            "text": c.comment,
            "shown": c.is_public and not c.is_removed,
            "follow_up_e_mails": c.followup,
            "ip_address": c.ip_address,
        }
        for c in comments
    ]


def export_flags(user):
    """The flags the member put on comments (theirs or others'): which
    comment, which flag, when."""
    flags = CommentFlag.objects.filter(user=user).select_related("comment").order_by("flag_date")
    return [
        {
            "comment_id": flag.comment_id,
            "comment_text": flag.comment.comment,
            "flag": flag.flag,
            "flagged": flag.flag_date.isoformat(),
        }
        for flag in flags
    ]


def erase_commenter(user):
    """Keep the member's comments, so the threads they took part in stay
    readable, but take everything that says who wrote them."""
    XtdComment.norel_objects.filter(user=user).update(
        user=None, user_name="", user_email="", user_url="", ip_address=None, followup=False
    )
    page_cache.changed()
    # An update sends no signal: the threads show "deleted member" at once.
    COMMENTERS.changed()


def present_comments(comments, user):
    """Notification targets (notifications/targets.py): the comments that
    are shown on something anyone may see (a library item, a blog post),
    titled and linked as that thing's own target presents it (in the
    active language), with the comment's place on it. Three queries per
    kind of thing, whatever the number of comments."""
    comments = [c for c in comments if c.is_public and not c.is_removed]
    commented = objects_of(comments)
    things = {(type(obj), obj.pk): obj for obj in commented.values()}
    shown = present(list(things.values()), user)
    presented = {}
    for comment in comments:
        obj = commented.get(comment.pk)
        item = shown.get((type(obj), obj.pk)) if obj is not None else None
        if item is not None and item.url:
            presented[comment.pk] = Shown(item.title, f"{item.url}#c{comment.pk}")
    return presented
