"""A new member's e-mails are written in the language they signed up in."""

from allauth.account.signals import user_signed_up
from django.conf import settings
from django.utils import translation

from notifications.preferences import set_language


def remember_language(request, user, **kwargs):
    language = translation.get_language()
    if language in dict(settings.LANGUAGES):
        set_language(user, language)


def connect():
    user_signed_up.connect(remember_language, dispatch_uid="notifications-sign-up-language")
