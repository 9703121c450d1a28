"""Sending the portal's e-mail without letting a mail server spoil a page.

Every e-mail the portal sends (comment follow-ups from
django-comments-xtd, company invitations, contact form messages, event
confirmations, allauth's account mails, Wagtail's notifications) goes
through Django's mail API and so through the configured backend: this one,
when EMAIL_HOST is set. A mail server that refuses the connection, times
out or rejects the message is logged with the message's subject and
recipients, and the request goes on: the comment, invitation, message or
registration is already saved. Catching it in the backend, not at each
call, is what reaches the sends made inside django-comments-xtd and
allauth.
"""

import logging
import smtplib

from django.core.mail.backends.smtp import EmailBackend

logger = logging.getLogger(__name__)


class SMTPBackend(EmailBackend):
    """Django's SMTP backend; a failure to deliver is logged, not raised."""

    def send_messages(self, email_messages):
        try:
            return super().send_messages(email_messages)
        except (smtplib.SMTPException, OSError):
            if self.fail_silently:
                return 0
            logger.exception(
                "Could not send e-mail %s",
                "; ".join(
                    f"{message.subject!r} to {', '.join(message.to)}" for message in email_messages
                ),
            )
            return 0
