"""What the routes of the forums do: the index's boards, a board's topics,
a topic's posts, and writing: new topics, replies, edits, deletions,
likes and accepted answers. What moderators do on the site is in
forums/moderation_views.py.

Each reader sees what forums/queries.py `seen_by()` gives them: what is
published, their own posts waiting for a moderator, and everything for a
moderator of the board. A new member's posts wait (forums/newcomers.py).

As everywhere in the portal (README, "Routable pages"), these views import
no model of their app: they take their data from the board
(`board.topics()`, `board.posts()`) and narrow it with queryset methods
(forums/queries.py).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import Count, Max, Sum
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from forums import newcomers, notices, posting
from forums.choices import Visibility
from forums.forms import PostForm, TopicForm
from forums.permissions import can_accept, can_delete, can_edit, can_moderate
from home.markdown import render_markdown
from home.pagination import page_of
from portal import page_cache

TOPICS_PER_PAGE = 20
POSTS_PER_PAGE = 20


# --- reading -------------------------------------------------------------------


def index_context(index, request):
    """The boards of the index with their numbers of topics and posts and
    their latest activity: two queries for all of them."""
    boards = list(index.boards())
    keys = [board.translation_key for board in boards]
    numbers = {
        row["board_key"]: row
        for row in index.topics_of(keys)
        .order_by()
        .values("board_key")
        .annotate(topic_count=Count("pk"), reply_count=Sum("reply_count"))
        .annotate(last_activity_at=Max("last_activity_at"))
    }
    for board in boards:
        row = numbers.get(board.translation_key, {})
        board.topic_count = row.get("topic_count", 0)
        board.post_count = board.topic_count + (row.get("reply_count") or 0)
        board.last_activity_at = row.get("last_activity_at")
    return {"boards": boards}


def board(board, request):
    language = translation.get_language()
    mine = request.GET.get("language") == "mine"
    moderator = can_moderate(request.user, board)
    topics = board.topics().seen_by(request.user, moderator).for_listing(request.user)
    if mine:
        topics = topics.in_language(language)
    page = page_of(request, topics, TOPICS_PER_PAGE)
    if request.user.is_authenticated:
        for topic in page.object_list:
            topic.has_new = (
                topic.last_read_post_id is None
                or (topic.last_post_id or 0) > topic.last_read_post_id
            )
    return board.render(
        request,
        context_overrides={
            "topics": page,
            "only_mine": mine,
            "language": language,
            "forums_url": _parent_url(board),
        },
    )


def _parent_url(board):
    """The forums index's address, from the board's own: a board is always
    a child of the index, and asking the tree would cost two queries."""
    return board.url.rstrip("/").rsplit("/", 1)[0] + "/"


def _topic_or_404(board, topic_id, user, with_last_read=False):
    topics = board.topics().seen_by(user, can_moderate(user, board)).select_related("author")
    if with_last_read:
        topics = topics.with_last_read(user).with_own_held(user)
    topic = topics.filter(pk=topic_id).first()
    if topic is None:
        raise Http404
    return topic


def topic_url(board, topic, post=None):
    url = board.topic_url(topic.pk)
    if post is None:
        return url
    # Where it is for everyone: the published posts before it.
    before = topic.posts.filter(pk__lt=post.pk, visibility=Visibility.PUBLISHED).count()
    page_number = before // POSTS_PER_PAGE + 1
    return f"{url}?page={page_number}#post-{post.pk}"


def topic(board, request, topic_id):
    user = request.user
    topic = _topic_or_404(board, topic_id, user, with_last_read=True)
    # Views: each visit of a visitor, and a member's first visit only (when
    # their reading state is made), so a member reading along costs no
    # write; counted in the database, without reading and saving the row.
    if not user.is_authenticated or topic.last_read_post_id is None:
        type(topic).count_view(request, topic.pk)
    if not user.is_authenticated:
        page_cache.on_hit(request, type(topic).count_view, topic.pk)
    moderator = can_moderate(user, board)
    thread = topic.posts.seen_by(user, moderator).for_thread(user)
    count = None
    if not moderator:
        # The topic keeps its number of published posts (the first one,
        # when the topic is published, and the replies); with the reader's
        # own waiting for a moderator, the page needs no COUNT of them.
        first = 1 if topic.visibility == Visibility.PUBLISHED else 0
        count = topic.reply_count + first + topic.own_held
    page = page_of(request, thread, POSTS_PER_PAGE, count=count)
    posts = list(page.object_list)
    read_until = _mark_read(topic, user, posts) if user.is_authenticated else None
    now = timezone.now()
    for post in posts:
        post.may_edit = not post.is_deleted and can_edit(user, post, board, now)
        post.may_delete = not post.is_deleted and can_delete(user, post, board)
        post.may_like = (
            user.is_authenticated
            and post.author_id != user.pk
            and not post.is_deleted
            and post.visibility == Visibility.PUBLISHED
        )
    # The accepted answer is shown under the question, on the first page.
    accepted = None
    if topic.accepted_post_id and page.number == 1:
        shown = {post.pk: post for post in posts}
        accepted = shown.get(topic.accepted_post_id) or (
            topic.posts.seen_by(user, moderator)
            .for_thread(user)
            .filter(pk=topic.accepted_post_id)
            .first()
        )
    return board.render(
        request,
        template="forums/topic_page.html",
        context_overrides={
            "topic": topic,
            "posts": page,
            "post_list": posts,
            "accepted": accepted,
            "read_until": read_until,
            "moderator": moderator,
            "may_accept": can_accept(user, topic, board),
            "move_targets": board.other_boards() if moderator else None,
            "form": PostForm() if user.is_authenticated and not topic.is_locked else None,
        },
    )


def _mark_read(topic, user, posts):
    """The last post the member had read when they had more to read (for
    the jump to the first unread one), else None; and remember the posts
    now shown as read."""
    last_read = topic.last_read_post_id
    has_unread = last_read if (topic.last_post_id or 0) > (last_read or 0) else None
    shown = max((post.pk for post in posts), default=0)
    if last_read is None:
        topic.reads.create(member=user, last_read_post_id=shown)
    elif shown > last_read:
        topic.reads.filter(member=user).update(last_read_post_id=shown, read_at=timezone.now())
    return has_unread


def first_unread(board, request, topic_id):
    """The jump to the first post after `?after=` (the last one the member
    had read when the topic's page was shown; the page then marks what it
    shows as read, so the link carries it)."""
    topic = _topic_or_404(board, topic_id, request.user)
    after = request.GET.get("after", "")
    after = int(after) if after.isdigit() else 0
    posts = topic.posts.seen_by(request.user, can_moderate(request.user, board))
    post = posts.filter(pk__gt=after).order_by("pk").only("pk").first()
    if post is None:
        return redirect(topic_url(board, topic))
    return redirect(topic_url(board, topic, post))


def post_link(board, request, post_id):
    """A lasting link to a post (notifications): its topic's page where it is."""
    post = _post_or_404(board, post_id, request.user)
    return redirect(topic_url(board, post.topic, post))


# --- writing -------------------------------------------------------------------


def _preview(form, writer):
    if form.is_valid():
        return render_markdown(form.cleaned_data["body"], writer)[0]
    return None


def new_topic(board, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    form = TopicForm(request.POST or None)
    preview = None
    if request.method == "POST":
        if "preview" in request.POST:
            preview = _preview(form, request.user)
        elif form.is_valid() and newcomers.admit(request, board, form):
            topic, mentions = posting.start_topic(
                board,
                request.user,
                form.cleaned_data["title"],
                form.cleaned_data["body"],
                translation.get_language(),
                held=newcomers.is_new(request.user, board),
            )
            if topic.visibility == Visibility.HELD:
                messages.info(request, newcomers.HELD_MESSAGE)
            else:
                notices.new_topic(board, topic, mentions)
            return redirect(topic_url(board, topic))
    return board.render(
        request,
        template="forums/topic_form.html",
        context_overrides={"form": form, "preview": preview},
    )


def reply(board, request, topic_id):
    topic = _topic_or_404(board, topic_id, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if topic.is_locked:
        messages.error(request, _("This topic is locked: no new replies can be posted."))
        return redirect(topic_url(board, topic))
    quoted = _quote(topic, request.GET.get("quote", "")) if request.method == "GET" else ""
    form = PostForm(request.POST or None, initial={"body": quoted})
    preview = None
    if request.method == "POST":
        if "preview" in request.POST:
            preview = _preview(form, request.user)
        elif form.is_valid() and newcomers.admit(request, board, form):
            try:
                post, mentions, created = posting.add_reply(
                    board.topics().filter(pk=topic.pk),
                    request.user,
                    form.cleaned_data["body"],
                    held=newcomers.is_new(request.user, board),
                )
            except posting.TopicLocked:
                messages.error(request, _("This topic is locked: no new replies can be posted."))
                return redirect(topic_url(board, topic))
            if created and post.visibility == Visibility.HELD:
                messages.info(request, newcomers.HELD_MESSAGE)
            elif created:
                notices.new_reply(board, topic, post, mentions)
            return redirect(topic_url(board, topic, post))
    return board.render(
        request,
        template="forums/reply_form.html",
        context_overrides={"topic": topic, "form": form, "preview": preview},
    )


def _quote(topic, post_id):
    """The Markdown blockquote of a post of `topic` that everyone may see,
    with who wrote it, to start a reply with (`?quote=<post id>`); empty
    for any other post: deleted, held, hidden, of another topic or none."""
    if not post_id.isdigit():
        return ""
    post = topic.posts.public().select_related("author__profile").filter(pk=post_id).first()
    if post is None:
        return ""
    profile = getattr(post.author, "profile", None) if post.author else None
    # "@name" mentions the quoted member (community/mentions.py).
    who = f"@{profile.display_name}" if profile else _("deleted member")
    lines = [_("%(name)s wrote:") % {"name": who}, ""] + post.body.strip().splitlines()
    return "\n".join(f"> {line}".rstrip() for line in lines) + "\n\n"


def _post_or_404(board, post_id, user):
    posts = board.posts().seen_by(user, can_moderate(user, board))
    post = posts.select_related("topic", "author").filter(pk=post_id).first()
    if post is None:
        raise Http404
    return post


def _member_post(board, request, post_id):
    """The post of a POST-only action, for a signed-in member."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"]), None
    post = _post_or_404(board, post_id, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(topic_url(board, post.topic)), None
    return None, post


def edit_post(board, request, post_id):
    post = _post_or_404(board, post_id, request.user)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if post.is_deleted or not can_edit(request.user, post, board, timezone.now()):
        raise PermissionDenied(_("Posts can be edited by their authors for 30 minutes."))
    form = PostForm(request.POST or None, initial={"body": post.body})
    preview = None
    if request.method == "POST":
        if "preview" in request.POST:
            preview = _preview(form, request.user)
        elif form.is_valid() and newcomers.links_allowed(request.user, board, form):
            mentions = posting.edit(post, request.user, form.cleaned_data["body"])
            # A post waiting for a moderator tells its mentions when approved.
            if post.visibility == Visibility.PUBLISHED:
                notices.mentioned(board, post, mentions)
            return redirect(topic_url(board, post.topic, post))
    return board.render(
        request,
        template="forums/edit_form.html",
        context_overrides={"topic": post.topic, "post": post, "form": form, "preview": preview},
    )


def delete_post(board, request, post_id):
    refusal, post = _member_post(board, request, post_id)
    if refusal:
        return refusal
    if not can_delete(request.user, post, board):
        raise PermissionDenied(_("You may delete only your own posts."))
    posting.delete(post)
    messages.success(request, _("The post was deleted."))
    return redirect(topic_url(board, post.topic, post))


def like_post(board, request, post_id):
    refusal, post = _member_post(board, request, post_id)
    if refusal:
        return refusal
    if post.author_id == request.user.pk:
        messages.error(request, _("You cannot like your own post."))
    elif post.is_deleted:
        messages.error(request, _("This post was deleted."))
    elif post.visibility != Visibility.PUBLISHED:
        messages.error(request, _("This post is not published."))
    elif posting.toggle_like(post, request.user):
        notices.liked(post, request.user)
    return redirect(topic_url(board, post.topic, post))


def accept_post(board, request, post_id):
    refusal, post = _member_post(board, request, post_id)
    if refusal:
        return refusal
    topic = post.topic
    if not can_accept(request.user, topic, board):
        raise PermissionDenied(_("Only the topic's author or a moderator may accept an answer."))
    if post.is_deleted:
        messages.error(request, _("This post was deleted."))
    elif post.visibility != Visibility.PUBLISHED:
        messages.error(request, _("This post is not published."))
    else:
        posting.accept(topic, post)
        notices.accepted(post, request.user)
        messages.success(request, _("The answer was accepted; the topic is marked as solved."))
    return redirect(topic_url(board, topic, post))
