"""Telling a company's managers how the regional review of their listing
ended.

Members never open the admin, where the coordinators approve a listing or
ask for changes (home/workflows.py): when the review of a listing ends,
the accepted managers of its company are told through the notification
centre, by e-mail at once unless they chose otherwise, in their own
language: "listing_published" links to the published listing,
"listing_changes_requested" to their listings page, which shows the
coordinator's comment (partnerships/writing.py). The review itself (its
WorkflowState) is what the notification points at. Wagtail's own e-mails
of the outcome do not reach members (home/workflow_mail.py).
"""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from community.models import CompanyMembership
from notifications.notify import notify
from notifications.targets import register_target
from partnerships.models import ListingPage
from partnerships.reminders import present_to_managers

PUBLISHED = "listing_published"
CHANGES_REQUESTED = "listing_changes_requested"


def _listing_type():
    return ContentType.objects.get_for_model(ListingPage)


def _review_ended(event):
    def receiver(sender, instance, user=None, **kwargs):
        if instance.content_type_id != _listing_type().pk:
            return
        state_id, actor_id = instance.pk, getattr(user, "pk", None)
        transaction.on_commit(lambda: tell_managers(state_id, event, actor_id))

    return receiver


listing_approved = _review_ended(PUBLISHED)
listing_rejected = _review_ended(CHANGES_REQUESTED)


def tell_managers(state_id, event, actor_id=None):
    """Tell the accepted managers of the reviewed listing's company of
    `event`; returns how many were told."""
    state = WorkflowState.objects.filter(pk=state_id).only("pk", "object_id").first()
    listing = (
        ListingPage.objects.filter(pk=state.object_id).only("pk", "company_id").first()
        if state is not None
        else None
    )
    if listing is None or listing.company_id is None:
        return 0
    actor = get_user_model().objects.filter(pk=actor_id).first() if actor_id else None
    told = 0
    for membership in (
        CompanyMembership.objects.managers()
        .filter(company_id=listing.company_id, user__is_active=True)
        .select_related("user")
    ):
        if notify(membership.user, event, target=state, actor=actor) is not None:
            told += 1
    return told


def present_reviews(states, user):
    """Notification targets (notifications/targets.py): the review of a
    listing is shown to the managers of the listing's company, as the
    listing's title in the reader's language; an approved review links to
    the published listing, any other to their listings page. Five
    queries."""
    if not user.is_authenticated:
        return {}
    found = list(
        WorkflowState.objects.filter(
            pk__in=[state.pk for state in states], content_type=_listing_type()
        ).values_list("pk", "object_id", "status")
    )
    listings = {
        pk: (key, company_id)
        for pk, key, company_id in ListingPage.objects.filter(
            pk__in={int(object_id) for _, object_id, _ in found}
        ).values_list("pk", "translation_key", "company_id")
    }
    rows = {
        pk: listings[int(object_id)] for pk, object_id, _ in found if int(object_id) in listings
    }
    approved = {pk for pk, _, status in found if status == WorkflowState.STATUS_APPROVED}
    return present_to_managers(rows, user, to_listing=approved)


def register():
    workflow_approved.connect(
        listing_approved, sender=WorkflowState, dispatch_uid="partnerships-listing-approved"
    )
    workflow_rejected.connect(
        listing_rejected, sender=WorkflowState, dispatch_uid="partnerships-listing-rejected"
    )
    register_target(WorkflowState, present_reviews)
