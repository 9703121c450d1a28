"""What moderators (and members flagging a post) do on the site: the
routes of a board for flagging a post and for moderating a post or a
topic. Every moderating route takes POST only, checks the CSRF token
(Django's middleware) and asks forums/permissions.py about the board.

As forums/views.py, these views import no model of their app; the work
itself is forums/moderation.py, which logs every moderator's action.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from forums import moderation
from forums.choices import ModerationAction
from forums.forms import FlagForm, PostModerationForm, TopicModerationForm
from forums.permissions import can_moderate
from forums.views import topic_url

DONE = {
    ModerationAction.APPROVE: gettext_lazy("The post was approved: everyone sees it now."),
    ModerationAction.HIDE: gettext_lazy("The post was hidden."),
    ModerationAction.RESTORE: gettext_lazy("The post was restored."),
    ModerationAction.DISMISS: gettext_lazy("The flags on the post were dismissed."),
    ModerationAction.LOCK: gettext_lazy("The topic was locked."),
    ModerationAction.UNLOCK: gettext_lazy("The topic was unlocked."),
    ModerationAction.PIN: gettext_lazy("The topic was pinned."),
    ModerationAction.UNPIN: gettext_lazy("The topic was unpinned."),
    ModerationAction.MOVE: gettext_lazy("The topic was moved."),
    ModerationAction.MERGE: gettext_lazy("The topics were merged."),
}
NOTHING_TO_DO = gettext_lazy("Nothing was changed: it already was so.")


def report(request, action, done):
    """Tell the moderator what happened."""
    if done:
        messages.success(request, DONE[action])
    else:
        messages.info(request, NOTHING_TO_DO)


def form_errors(request, form):
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


def apply_post_action(request, board, post):
    """Carry out the posted action on `post` (approve, hide, restore,
    dismiss flags) for a moderator of `board`, and tell them how it went:
    the one way both the thread and the admin's queue do it."""
    form = PostModerationForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return
    action = form.cleaned_data["action"]
    done = moderation.act_on_post(action, request.user, board, post, form.cleaned_data["note"])
    report(request, action, done)


# --- members ---------------------------------------------------------------------


def flag_post(board, request, post_id):
    """A member flags someone else's published post, once."""
    post = board.posts().public().select_related("topic").filter(pk=post_id).first()
    if post is None:
        raise Http404
    back = topic_url(board, post.topic, post)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if post.author_id == request.user.pk:
        messages.error(request, _("You cannot flag your own post."))
        return redirect(back)
    form = FlagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            moderation.flag(
                request.user, post, form.cleaned_data["reason"], form.cleaned_data["note"]
            )
        except moderation.AlreadyFlagged:
            messages.info(request, _("You have already flagged this post."))
        else:
            messages.success(request, _("Thank you: the moderators will look at the post."))
        return redirect(back)
    return board.render(
        request,
        template="forums/flag_form.html",
        context_overrides={"topic": post.topic, "post": post, "form": form},
    )


# --- moderators ------------------------------------------------------------------


def _moderator_only(board, request, find):
    """(refusal, object) for a moderating POST: 405 for another method,
    404 for what the board does not hold, the log-in for a visitor, 403
    for a member who does not moderate the board."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"]), None
    found = find()
    if found is None:
        raise Http404
    if not request.user.is_authenticated:
        return redirect_to_login(board.url), None
    if not can_moderate(request.user, board):
        raise PermissionDenied(_("Only the board's moderators may do this."))
    return None, found


def moderate_post(board, request, post_id):
    """Approve, hide or restore a post, or dismiss its flags."""
    refusal, post = _moderator_only(
        board,
        request,
        lambda: board.posts().select_related("topic", "author").filter(pk=post_id).first(),
    )
    if refusal:
        return refusal
    apply_post_action(request, board, post)
    return redirect(topic_url(board, post.topic, post))


def moderate_topic(board, request, topic_id):
    """Lock, unlock, pin, unpin, move or merge a topic."""
    refusal, topic = _moderator_only(
        board, request, lambda: board.topics().filter(pk=topic_id).first()
    )
    if refusal:
        return refusal
    form = TopicModerationForm(request.POST)
    if not form.is_valid():
        form_errors(request, form)
        return redirect(topic_url(board, topic))
    action, note = form.cleaned_data["action"], form.cleaned_data["note"]
    if action == ModerationAction.MOVE:
        return _move(board, request, topic, form.cleaned_data["board"], note)
    if action == ModerationAction.MERGE:
        return _merge(board, request, topic, form.cleaned_data["into"], note)
    report(request, action, moderation.switch(request.user, board, topic, action, note))
    return redirect(topic_url(board, topic))


def _move(board, request, topic, target_id, note):
    target = board.other_boards().filter(pk=target_id).first()
    if target is None:
        messages.error(request, _("There is no such board to move the topic to."))
        return redirect(topic_url(board, topic))
    if not can_moderate(request.user, target):
        messages.error(request, _("You may move topics only to boards you moderate."))
        return redirect(topic_url(board, topic))
    moderation.move(request.user, board, topic, target, note)
    report(request, ModerationAction.MOVE, True)
    return redirect(topic_url(target, topic))


def _merge(board, request, topic, into_id, note):
    if into_id == topic.pk:
        messages.error(request, _("A topic cannot be merged into itself."))
        return redirect(topic_url(board, topic))
    into = board.topics().filter(pk=into_id).first()
    if into is None:
        messages.error(request, _("There is no topic with this number on this board."))
        return redirect(topic_url(board, topic))
    into = moderation.merge(request.user, board, topic, into, note)
    report(request, ModerationAction.MERGE, True)
    return redirect(topic_url(board, into))
