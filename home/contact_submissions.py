"""A member's contact form messages, in their data export and erased with
their account (see home/member_data.py).

Wagtail stores a message as a FormSubmission whose form_data holds the
fields by their clean names, with no link to an account: a member's
messages are those whose e-mail field holds one of the member's confirmed
addresses. Unconfirmed addresses do not count, or anyone could add
someone else's address to their account and read that person's messages.
"""

from allauth.account.models import EmailAddress
from django.db.models import Q
from django.db.models.fields.json import KeyTextTransform
from django.db.models.functions import Lower
from wagtail.contrib.forms.models import FormSubmission

from home.models import FormField


def _confirmed_addresses(user):
    addresses = EmailAddress.objects.filter(user=user, verified=True).values_list(
        "email", flat=True
    )
    return {address.casefold() for address in addresses}


def submissions_of(user):
    """The contact form messages sent from one of `user`'s confirmed
    addresses, oldest first."""
    addresses = _confirmed_addresses(user)
    pages_by_field = {}
    for page_id, name in FormField.objects.filter(field_type="email").values_list(
        "page_id", "clean_name"
    ):
        pages_by_field.setdefault(name, set()).add(page_id)
    if not addresses or not pages_by_field:
        return FormSubmission.objects.none()
    submissions = FormSubmission.objects.all()
    sent_from_member = Q()
    for number, (name, page_ids) in enumerate(sorted(pages_by_field.items())):
        alias = f"address_{number}"
        submissions = submissions.alias(**{alias: Lower(KeyTextTransform(name, "form_data"))})
        sent_from_member |= Q(page_id__in=page_ids, **{f"{alias}__in": addresses})
    return submissions.filter(sent_from_member).order_by("submit_time")


def export_submissions(user):
    submissions = submissions_of(user).select_related("page")
    return "contact_messages", [
        {
            "form": submission.page.title,
            "sent": submission.submit_time.isoformat(),
            "fields": submission.form_data,
        }
        for submission in submissions
    ]


def erase_submissions(user):
    submissions_of(user).delete()
