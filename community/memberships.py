"""The rules of company membership, in one place for the views and the
account deletion: invitations, leaving, removing, and what happens to a
company whose last manager goes."""

from allauth.account.models import EmailAddress
from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from community.models import Company, CompanyMembership, Role
from notifications.notify import notify
from notifications.targets import Shown


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


def invite(company, email, role, invited_by):
    """Invite the member with this address, if there is one and they are not
    in the company yet. Says nothing about whether there was: the manager
    gets the same answer either way. The member is told through the
    notification centre ("company_invitation", by e-mail at once unless
    they chose otherwise), which links to their companies page, where they
    accept or decline."""
    user = find_member(email)
    if user is None or company.memberships.filter(user=user).exists():
        return
    membership = CompanyMembership.objects.create(
        company=company, user=user, role=role, accepted=False, invited_by=invited_by
    )
    transaction.on_commit(
        lambda: notify(user, "company_invitation", target=membership, actor=invited_by)
    )


def present_memberships(memberships, user):
    """Notification targets (notifications/targets.py): invitations and
    memberships, shown to their own member only, as the company's name
    and a link to the member's companies page. One query."""
    own = CompanyMembership.objects.filter(
        pk__in=[membership.pk for membership in memberships], user_id=user.pk
    ).select_related("company")
    path = reverse("community:my_companies")
    return {membership.pk: Shown(membership.company.name, path) for membership in own}


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
