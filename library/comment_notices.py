"""What members are told when a comment is posted: the author of the
comment replied to and the author of the blog post commented on ("reply")
and the members it mentions ("mention"),
through the notification centre; and the follow-up e-mails of
django-comments-xtd for the others who asked for them.

Mentions are found as everywhere members write (community/mentions.py);
whether the mentioned member may see the page is decided by notify(),
like every other target.
"""

from django.db import NotSupportedError
from django.template import loader
from django.urls import reverse
from django.utils.translation import gettext as _
from django_comments_xtd import signed
from django_comments_xtd.conf import settings as xtd_settings
from django_comments_xtd.models import XtdComment
from django_comments_xtd.utils import send_mail

from community.mentions import mentioned_members
from library.commentable import author_of
from notifications.notify import notify


def comment_posted(comment, commented=None):
    """Tell the author of the comment replied to, the author of what was
    commented (a blog post's), and the members mentioned, that `comment`
    was posted (once it is committed). Each member once. `commented` is
    the object commented on, when the caller has it at hand."""
    if comment is None or not comment.is_public or comment.is_removed or comment.user is None:
        return
    told = set()
    parent = replied_comment(comment)
    if parent is not None and parent.user is not None:
        notify(parent.user, "reply", target=comment, actor=comment.user)
        # A reply that also names the author is one notice, not two.
        told.add(parent.user_id)
    author = author_of(commented if commented is not None else comment.content_object)
    if author is not None and author.pk not in told:
        notify(author, "reply", target=comment, actor=comment.user)
        told.add(author.pk)
    for member in mentioned_members(comment.comment, comment.user):
        if member.pk not in told:
            notify(member, "mention", target=comment, actor=comment.user)
            told.add(member.pk)


def replied_comment(comment):
    """The visible comment `comment` replies to, or None."""
    if comment.parent_id in (0, None, comment.pk):
        return None
    return (
        XtdComment.norel_objects.filter(pk=comment.parent_id, is_public=True, is_removed=False)
        .select_related("user")
        .first()
    )


def notify_comment_followers(comment):
    """django-comments-xtd's follow-up e-mails ("E-mail me when someone
    replies"), sent to those who ticked it on the page's comments, except
    the author of the comment replied to: they hear of the reply through
    the notification centre ("reply", by e-mail at once by default, with
    its own unsubscribe link), and two e-mails for one reply would be one
    too many. Installed in place of django-comments-xtd's own function by
    LibraryConfig.ready(); the same templates and mute links."""
    followers = XtdComment.objects.filter(
        content_type=comment.content_type,
        object_pk=comment.object_pk,
        is_public=True,
        followup=True,
    ).exclude(user_email=comment.user_email)
    parent = replied_comment(comment)
    if parent is not None and parent.user_email:
        followers = followers.exclude(user_email=parent.user_email)
    try:
        followers = list(followers.distinct("user_email").order_by("user_email"))
    except NotSupportedError:
        followers = list({c.user_email: c for c in followers}.values())
    text_template = loader.get_template("django_comments_xtd/email_followup_comment.txt")
    html_template = loader.get_template("django_comments_xtd/email_followup_comment.html")
    for follower in followers:
        key = signed.dumps(follower, compress=True, extra_key=xtd_settings.COMMENTS_XTD_SALT)
        context = {
            "user_name": follower.user_name,
            "comment": comment,
            "content_object": comment.content_object,
            "mute_url": reverse("comments-xtd-mute", args=[key.decode("utf-8")]),
            "site": comment.site,
        }
        send_mail(
            _("new comment posted"),
            text_template.render(context),
            xtd_settings.COMMENTS_XTD_FROM_EMAIL,
            [follower.user_email],
            html=html_template.render(context)
            if xtd_settings.COMMENTS_XTD_SEND_HTML_EMAIL
            else None,
        )
