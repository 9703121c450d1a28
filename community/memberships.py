"""The rules of company membership, in one place for the views and the
account deletion: invitations, leaving, removing, and what happens to a
company whose last manager goes."""

from allauth.account.models import EmailAddress
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from community.models import Company, CompanyMembership, Role


class MembershipError(Exception):
    """A rule says no; the message is for the member."""


LAST_MANAGER = _(
    "A company needs at least one manager. Make another member a manager first, "
    "or delete the company."
)


def find_member(email):
    """The active account with this confirmed e-mail address, or None."""
    address = (
        EmailAddress.objects.filter(email__iexact=email.strip(), verified=True)
        .select_related("user")
        .first()
    )
    if address is None or not address.user.is_active:
        return None
    return address.user


def invite(company, email, role, invited_by, invitation_url):
    """Invite the member with this address, if there is one and they are not
    in the company yet. Says nothing about whether there was: the manager
    gets the same answer either way."""
    user = find_member(email)
    if user is None or company.memberships.filter(user=user).exists():
        return
    CompanyMembership.objects.create(
        company=company, user=user, role=role, accepted=False, invited_by=invited_by
    )
    context = {
        "company": company,
        "inviter": invited_by.get_full_name() or invited_by.get_username(),
        "invitation_url": invitation_url,
    }
    subject = render_to_string("community/email/invitation_subject.txt", context).strip()
    body = render_to_string("community/email/invitation_message.txt", context)
    email_to = user.email
    transaction.on_commit(lambda: send_mail(subject, body, None, [email_to]))


def _is_last_manager(membership):
    if membership.role != Role.MANAGER or not membership.accepted:
        return False
    others = membership.company.memberships.managers().exclude(pk=membership.pk)
    return not others.exists()


def remove(membership):
    """A manager removes a member (or withdraws an invitation)."""
    if _is_last_manager(membership):
        raise MembershipError(LAST_MANAGER)
    membership.delete()


def leave(membership):
    """A member leaves a company."""
    remove(membership)


def accept(membership):
    membership.accepted = True
    membership.save(update_fields=["accepted"])


def hand_over_companies(user):
    """Before an account is deleted: a company it alone manages passes to
    its longest-standing member, or is deleted when nobody else is in it.
    Then the account's memberships and invitations go."""
    managed = Company.objects.filter(
        memberships__user=user, memberships__role=Role.MANAGER, memberships__accepted=True
    )
    for company in managed:
        others = company.memberships.accepted().exclude(user=user)
        if others.filter(role=Role.MANAGER).exists():
            continue
        successor = others.order_by("created_at", "pk").first()
        if successor is None:
            company.delete()
        else:
            successor.role = Role.MANAGER
            successor.save(update_fields=["role"])
    CompanyMembership.objects.filter(user=user).delete()
