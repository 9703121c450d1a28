"""E-mails to members about what happens on the portal: written in the
member's language, with an HTML and a plain-text part, and a one-click
unsubscribe link (List-Unsubscribe, List-Unsubscribe-Post) that turns off
only the event type (or digest) the e-mail is about."""

from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from notifications.preferences import language_of
from notifications.unsubscribe import unsubscribe_url
from portal.links import absolute_url


def member_message(user, *, event, subject, template, context, language=None, connection=None):
    """An e-mail to `user` from `templates/<template>.txt` and `.html`,
    with `subject` (a lazy string or a function of no arguments)
    translated into the member's language. Senders of many e-mails (the
    digests) pass the `language` they loaded for all members at once, and
    the mail `connection` they share."""
    language = language or language_of(user)
    with translation.override(language):
        link = unsubscribe_url(user, event, language)
        context = {
            **context,
            "member": user,
            "unsubscribe_url": link,
            "settings_url": absolute_url(reverse("notifications:settings")),
        }
        subject = subject() if callable(subject) else str(subject)
        message = EmailMultiAlternatives(
            subject=" ".join(subject.split()),
            body=render_to_string(f"{template}.txt", context),
            to=[user.email],
            connection=connection,
            headers={
                "List-Unsubscribe": f"<{link}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            },
        )
        message.attach_alternative(render_to_string(f"{template}.html", context), "text/html")
    return message
