"""Comment actions on the public site: post, delete one's own, flag, and
hide or approve (moderators, and the coordinators of the item's region),
on library items and blog posts alike (library/commentable.py).

Posting goes through django-comments-xtd's form and signals (which store
the comment, build the thread and send the follow-up e-mails), then tells
the author replied to and the members mentioned (library/comment_notices.py); these views
add the portal's rules: members only, only on what visitors may see
(published library items and blog posts), a clear message for every
refusal, and a limit on how fast a member may post.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.sites.shortcuts import get_current_site
from django.core.cache import cache
from django.db import transaction
from django.http import Http404
from django.middleware.csrf import CsrfViewMiddleware
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from django_comments import signals
from django_comments.views.moderation import perform_approve, perform_delete, perform_flag
from django_comments_xtd.models import XtdComment

from library.comment_notices import comment_posted
from library.commentable import object_of, object_posted_to
from library.comments import thread_changed
from library.forms import LibraryCommentForm
from library.moderation import can_moderate
from portal import page_cache
from portal.proxies import client_ip

COMMENTS_PER_WINDOW = 10
RATE_WINDOW_SECONDS = 10 * 60


def commented_item(post_data):
    """The library item or blog post a comment form was sent for, if
    visitors may see it."""
    commented = object_posted_to(post_data)
    if commented is None:
        raise Http404
    return commented


def csrf_failed(request):
    """Run Django's CSRF check here rather than in the middleware, so that a
    comment with an expired or missing token gets the form back with a
    message instead of a bare error page (and is still refused)."""

    def protected_view(request):  # pragma: no cover - never called
        return None

    check = CsrfViewMiddleware(lambda request: None)
    return check.process_view(request, protected_view, (), {}) is not None


def over_rate_limit(user):
    key = f"library:comments:rate:{user.pk}"
    cache.add(key, 0, RATE_WINDOW_SECONDS)
    try:
        return cache.incr(key) > COMMENTS_PER_WINDOW
    except ValueError:
        cache.set(key, 1, RATE_WINDOW_SECONDS)
        return False


def lock_thread(parent_id):
    """Before a reply is placed: lock the first comment of its thread, so
    that replies posted at the same moment take their places (order, level)
    one after the other. SQLite's transactions hold the write lock anyway."""
    if parent_id:
        thread = XtdComment.norel_objects.filter(pk=parent_id).values("thread_id")
        list(XtdComment.norel_objects.select_for_update().filter(pk__in=thread).values("pk"))


def refuse(request, page, form, message, status):
    """The comment form again, with the member's text and a message."""
    reply_to = form.data.get("reply_to", "")
    retry = LibraryCommentForm(
        page,
        initial={
            "comment": form.data.get("comment", "")[: 2 * form.fields["comment"].max_length],
            "followup": bool(form.data.get("followup")),
            "reply_to": int(reply_to) if reply_to.isdigit() else 0,
        },
    )
    errors = [message] if message else []
    for field, field_errors in form.errors.items():
        if field in ("comment", "reply_to", "__all__"):
            errors.extend(field_errors)
    if not errors:
        errors.append(_("Your comment could not be sent. Please try again."))
    return render(
        request,
        "library/comment_refused.html",
        {"commented": page, "commented_url": page.get_url(), "form": retry, "errors": errors},
        status=status,
    )


@csrf_exempt
@require_POST
def post_comment(request):
    page = commented_item(request.POST)
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url() + "#comments", settings.LOGIN_URL)

    data = request.POST.copy()
    # Members comment under their account, whatever the form says.
    data["name"] = request.user.get_full_name() or request.user.get_username()
    data["email"] = request.user.email
    data["url"] = ""
    form = LibraryCommentForm(page, data=data)

    if csrf_failed(request):
        message = _("The form had expired or came from another site. Please send it again.")
        return refuse(request, page, form, message, status=403)
    if not request.user.email:
        message = _("Add an e-mail address to your account before commenting.")
        return refuse(request, page, form, message, status=400)
    if form.security_errors():
        message = _("The form had expired. Please send your comment again.")
        return refuse(request, page, form, message, status=400)
    if not form.is_valid():
        return refuse(request, page, form, None, status=400)
    if over_rate_limit(request.user):
        message = _("You have sent many comments in a short time. Please wait a few minutes.")
        return refuse(request, page, form, message, status=429)

    comment = form.get_comment_object(site_id=get_current_site(request).id)
    comment.ip_address = client_ip(request) or None
    comment.user = request.user
    responses = signals.comment_will_be_posted.send(
        sender=comment.__class__, comment=comment, request=request
    )
    if any(response is False for _receiver, response in responses):
        return refuse(request, page, form, None, status=400)
    with transaction.atomic():
        # django-comments-xtd writes a comment twice (the row, then its place
        # in the thread) and moves the comments after a reply down: all of
        # it or nothing, should the database fail in between.
        lock_thread(comment.get("parent_id"))
        comment.save()
        signals.comment_was_posted.send(sender=comment.__class__, comment=comment, request=request)

    posted = getattr(comment, "xtd_comment", None)
    # Committed above: the members told can already read it.
    comment_posted(posted, page)
    messages.success(request, _("Your comment has been published."))
    return redirect(page.get_url() + (f"#c{posted.pk}" if posted else "#comments"))


def comment_and_page(request, comment_id):
    comment = get_object_or_404(XtdComment, pk=comment_id, site_id=settings.SITE_ID)
    page = object_of(comment)
    if page is None:
        raise Http404
    return comment, page


def forbidden(request, page, message):
    context = {"commented": page, "commented_url": page.get_url(), "errors": [message]}
    return render(request, "library/comment_refused.html", context, status=403)


@require_POST
def delete_comment(request, comment_id):
    comment, page = comment_and_page(request, comment_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(), settings.LOGIN_URL)
    if comment.user_id != request.user.pk:
        return forbidden(request, page, _("You can delete only your own comments."))
    # An update, not save(): django-comments-xtd would hide the replies of
    # a removed comment, and the replies of other members should stay.
    XtdComment.norel_objects.filter(pk=comment.pk).update(is_removed=True, comment="")
    page_cache.changed()
    thread_changed(comment)
    messages.success(request, _("Your comment has been deleted."))
    return redirect(page.get_url() + "#comments")


@require_POST
def flag_comment(request, comment_id):
    comment, page = comment_and_page(request, comment_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(), settings.LOGIN_URL)
    if not comment.is_public or comment.is_removed:
        raise Http404
    perform_flag(request, comment)
    messages.success(request, _("Thank you. The moderators will look at this comment."))
    return redirect(page.get_url() + f"#c{comment.pk}")


@require_POST
def moderate_comment(request, comment_id, action):
    comment, page = comment_and_page(request, comment_id)
    if not request.user.is_authenticated:
        return redirect_to_login(page.get_url(), settings.LOGIN_URL)
    if not can_moderate(request.user, page):
        return forbidden(
            request, page, _("Only moderators and this region's coordinators can do this.")
        )
    if action == "hide":
        perform_delete(request, comment)
        messages.success(request, _("The comment and its replies are hidden."))
    elif not comment.comment:
        return forbidden(request, page, _("Its author deleted this comment."))
    else:
        perform_approve(request, comment)
        messages.success(request, _("The comment is shown again."))
    return redirect(page.get_url() + f"#c{comment.pk}")
