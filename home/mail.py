"""Sending the portal's e-mail through the task queue, so that a mail
server never slows down or spoils a page.

Every e-mail the portal sends (comment follow-ups from
django-comments-xtd, company invitations, contact form messages, event
confirmations, allauth's account mails, Wagtail's notifications) goes
through Django's mail API and so through EMAIL_BACKEND, which is
`QueueBackend`: it turns each message into JSON-safe arguments and enqueues
`deliver_email`. Catching every send in the backend, not at each call, is
what reaches the sends made inside django-comments-xtd, allauth and Wagtail.

With the database queue the task row is written in the request's
transaction: a request that is rolled back sends nothing. A worker
(`manage.py db_worker`) then rebuilds the message and hands it to
EMAIL_DELIVERY_BACKEND (SMTP when EMAIL_HOST is set). A mail server that
refuses the connection, times out or rejects the message is logged with
the message's subject and recipients, and the delivery is tried again later
(`home/tasks.py`); after the last attempt the task is kept as failed, with
the reason, in the admin's failed tasks report.
"""

import base64
import email
import logging
import smtplib
from email.message import Message
from email.mime.base import MIMEBase

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.core.mail.backends.base import BaseEmailBackend
from django_tasks import task

from home.tasks import retry_later

logger = logging.getLogger(__name__)

# Mail goes ahead of the index updates that editing and demo loading queue
# by the hundred: a member waits for their confirmation, nobody waits for
# the search index.
MAIL_PRIORITY = 10


class QueueBackend(BaseEmailBackend):
    """Enqueues each message as a `deliver_email` task; sends nothing itself."""

    def send_messages(self, email_messages):
        queued = 0
        for message in email_messages:
            if not message.recipients():
                continue
            try:
                deliver_email.enqueue(serialise(message))
            except Exception:
                if not self.fail_silently:
                    raise
                continue
            queued += 1
        return queued


@task(takes_context=True, priority=MAIL_PRIORITY)
def deliver_email(context, message, attempt=1):
    """Send one queued message through the delivery backend; a failure of the
    mail server is logged and tried again later."""
    rebuilt = deserialise(message)
    try:
        return get_connection(settings.EMAIL_DELIVERY_BACKEND).send_messages([rebuilt])
    except (smtplib.SMTPException, OSError) as error:
        logger.error(
            "Could not send e-mail %r to %s (attempt %d): %r",
            rebuilt.subject,
            ", ".join(rebuilt.recipients()),
            attempt,
            error,
        )
        return retry_later(context, error)


class _ParsedPart(MIMEBase):
    """A MIME part read back from bytes: Django's EmailMessage.attach takes
    MIMEBase instances only, and the parser builds parts with this class."""

    def __init__(self, policy=None):
        Message.__init__(self, **({"policy": policy} if policy else {}))


def _encode(content):
    """Base64, remembering whether Django held the content as text (it
    decodes text/* attachments) so it comes back the same type."""
    is_text = isinstance(content, str)
    data = content.encode() if is_text else bytes(content)
    return {"base64": base64.b64encode(data).decode("ascii"), "text": is_text}


def _decode(value):
    data = base64.b64decode(value["base64"])
    return data.decode() if value["text"] else data


def serialise(message):
    """A message as JSON-safe values: lazy strings become text, attachments
    and alternatives base64."""
    attachments = []
    for attachment in message.attachments:
        if isinstance(attachment, MIMEBase):
            attachments.append({"mime": _encode(attachment.as_bytes())})
        else:
            filename, content, mimetype = attachment
            attachments.append(
                {"filename": filename, "content": _encode(content), "mimetype": mimetype}
            )
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": str(message.from_email),
        "to": [str(address) for address in message.to],
        "cc": [str(address) for address in message.cc],
        "bcc": [str(address) for address in message.bcc],
        "reply_to": [str(address) for address in message.reply_to],
        "headers": {str(name): str(value) for name, value in message.extra_headers.items()},
        "alternatives": [
            {"content": _encode(content), "mimetype": mimetype}
            for content, mimetype in getattr(message, "alternatives", [])
        ],
        "attachments": attachments,
        "content_subtype": message.content_subtype,
        "encoding": message.encoding,
    }


def deserialise(values):
    message = EmailMultiAlternatives(
        subject=values["subject"],
        body=values["body"],
        from_email=values["from_email"],
        to=values["to"],
        cc=values["cc"],
        bcc=values["bcc"],
        reply_to=values["reply_to"],
        headers=values["headers"],
    )
    message.content_subtype = values["content_subtype"]
    message.encoding = values["encoding"]
    for alternative in values["alternatives"]:
        message.attach_alternative(_decode(alternative["content"]), alternative["mimetype"])
    for attachment in values["attachments"]:
        if "mime" in attachment:
            message.attach(email.message_from_bytes(_decode(attachment["mime"]), _ParsedPart))
        else:
            message.attach(
                attachment["filename"], _decode(attachment["content"]), attachment["mimetype"]
            )
    return message
