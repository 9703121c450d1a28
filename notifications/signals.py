"""A new member's e-mails are written in the language they signed up in;
a member's follow buttons are drawn afresh once they follow or unfollow
anything (notifications/follows.py)."""

from allauth.account.signals import user_signed_up
from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import translation

from notifications.follows import forget_follows
from notifications.models import Follow
from notifications.preferences import set_language


def remember_language(request, user, **kwargs):
    language = translation.get_language()
    if language in dict(settings.LANGUAGES):
        set_language(user, language)


def connect():
    user_signed_up.connect(remember_language, dispatch_uid="notifications-sign-up-language")
    post_save.connect(forget_follows, sender=Follow, dispatch_uid="notifications-follow-saved")
    post_delete.connect(forget_follows, sender=Follow, dispatch_uid="notifications-follow-gone")
