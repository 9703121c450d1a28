"""A company's managers write, edit and renew their listings on the site.

A listing is a page (partnerships/models/pages.py) that the form creates
as a draft under the partnerships page it was opened from, in that page's
language, and submits to the "Regional review" (home/workflows.py): the
coordinators of the listing's region are told and approve it in the admin,
which publishes it. An edit is a new revision, submitted again; the live
version stays until it is approved. Members never get the admin for this:
they own their pages but hold no page permission.

Only the accepted managers of the listing's company write, edit and renew
it. As everywhere in the portal, these views import no model of their app:
they take their data from the partnerships page (`listings_of_companies`,
`new_listing`).
"""

import json
import logging

from anyascii import anyascii
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.db.models import CharField, OuterRef, Q, Subquery
from django.db.models.functions import Cast
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext as _
from wagtail.models import Page, TaskState, WorkflowState

from community.models import Company, Role
from home.pagination import page_of
from home.terms import terms_of_locale
from partnerships.forms import ListingForm, initial_of
from portal import page_cache

PER_PAGE = 20
# Route names of the partnerships page: no listing takes them as its slug.
RESERVED_SLUGS = {"write", "mine", "feed", "for-you", "contacts"}
logger = logging.getLogger(__name__)


# --- who may write -------------------------------------------------------------


def managed_companies(user):
    """The companies `user` is an accepted manager of."""
    return Company.objects.filter(
        memberships__user=user, memberships__role=Role.MANAGER, memberships__accepted=True
    ).order_by("search_name", "pk")


def _refused(index_page, request, message, status=403):
    response = index_page.render(
        request,
        template="partnerships/writing_refused.html",
        context_overrides={"message": message},
    )
    response.status_code = status
    return response


def _listing_to_manage(index_page, request, listing_id):
    """(listing, None) for a listing of a company the member manages, or
    (None, the refusal) for an unknown listing or another company's."""
    companies = managed_companies(request.user)
    listing = (
        index_page.listings_of_companies(companies.values("pk"))
        .filter(pk=listing_id)
        .select_related("company")
        .first()
    )
    if listing is not None:
        return listing, None
    listing_type = {"content_type__app_label": "partnerships", "content_type__model": "listingpage"}
    if Page.objects.filter(pk=listing_id, **listing_type).exists():
        return None, _refused(
            index_page,
            request,
            _("Only the managers of the listing's company may change it."),
        )
    return None, _refused(
        index_page, request, _("There is no such listing. It may have been deleted."), status=404
    )


# --- writing and editing ---------------------------------------------------------


def write(index_page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    companies = managed_companies(request.user)
    if request.method != "POST":
        first = companies.select_related("region").first()
    else:
        first = companies.only("pk").first()
    if first is None:
        return _refused(
            index_page,
            request,
            _(
                "Listings are written by the managers of a company. Create your company's "
                "profile, or ask its manager to make you a manager."
            ),
        )
    options = {"companies": companies, "locale_id": index_page.locale_id}
    if request.method != "POST":
        region = terms_of_locale(index_page.locale_id).localized(first.region)
        initial = {
            "company": first.pk,
            "sector": first.sector,
            "region": region.pk if region else None,
        }
        return _form_page(index_page, request, ListingForm(initial=initial, **options), None)
    form = ListingForm(request.POST, **options)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _form_page(index_page, request, form, None)
    data = form.cleaned_data
    with transaction.atomic():
        listing = index_page.new_listing(
            slug=_free_slug(index_page, data["title"]),
            company=data["company"],
            owner=request.user,
            author=request.user,
            live=False,
        )
        _apply(listing, data)
        index_page.add_child(instance=listing)
        listing.save_revision(user=request.user, log_action=True)
        _submit(listing, request.user)
    messages.success(
        request,
        _(
            "Your listing is saved and sent to the coordinators of its region. "
            "It becomes public when they approve it."
        ),
    )
    return redirect(index_page.url_of("mine", request=request))


def edit(index_page, request, listing_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    listing, refusal = _listing_to_manage(index_page, request, listing_id)
    if refusal:
        return refusal
    latest = listing.get_latest_revision_as_object()
    options = {
        "companies": Company.objects.none(),
        "locale_id": latest.locale_id,
        "editing": True,
    }
    if request.method != "POST":
        form = ListingForm(initial=initial_of(latest, latest.locale_id), **options)
        return _form_page(index_page, request, form, listing)
    form = ListingForm(request.POST, **options)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return _form_page(index_page, request, form, listing)
    with transaction.atomic():
        _apply(latest, form.cleaned_data)
        if not latest.live:
            # A draft keeps its latest content in its own row too, as the
            # admin's editor does.
            latest.save()
        latest.save_revision(user=request.user, log_action=True)
        _submit(latest, request.user)
    messages.success(
        request,
        _(
            "Your changes are saved and sent to the coordinators for review. "
            "Until they approve them, visitors see the listing as it was."
        )
        if listing.live
        else _("Your changes are saved and sent to the coordinators for review."),
    )
    return redirect(index_page.url_of("mine", request=request))


def _apply(listing, data):
    for name in ("listing_type", "title", "summary", "description", "sought", "sector", "stage"):
        setattr(listing, name, data[name])
    listing.draft_title = data["title"]
    listing.region = data["region"]
    listing.topics = list(data["topics"])


def _free_slug(index_page, title):
    base = slugify(anyascii(title))[:60].strip("-") or "listing"
    taken = set(
        index_page.get_children().filter(slug__startswith=base).values_list("slug", flat=True)
    )
    slug, number = base, 2
    while slug in taken or slug in RESERVED_SLUGS:
        slug, number = f"{base}-{number}", number + 1
    return slug


def _submit(listing, user):
    """Send the listing's latest revision to the regional review: resume
    the review that asked for changes, or start a new one (a review in
    progress starts again, so that the coordinators review this version
    and are told of it)."""
    workflow = listing.get_workflow()
    if workflow is None:
        logger.error("The partnerships page of listing %s has no review workflow", listing.pk)
        return
    state = listing.current_workflow_state
    if state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
        return
    if state is not None:
        state.cancel(user=user)
    workflow.start(listing, user)


def _form_page(index_page, request, form, listing):
    return index_page.render(
        request,
        template="partnerships/listing_form.html",
        context_overrides={"form": form, "listing": listing},
    )


# --- the member's listings -------------------------------------------------------


def _review_status():
    return Subquery(
        WorkflowState.objects.filter(
            content_type_id=OuterRef("content_type_id"),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
            status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
        ).values("status")[:1]
    )


def _review_comment():
    """The comment of the latest task that asked for changes, while the
    listing's review waits for them."""
    return Subquery(
        TaskState.objects.filter(
            workflow_state__content_type_id=OuterRef("content_type_id"),
            workflow_state__object_id=Cast(OuterRef("pk"), output_field=CharField()),
            workflow_state__status=WorkflowState.STATUS_NEEDS_CHANGES,
            status=TaskState.STATUS_REJECTED,
        )
        .order_by("-finished_at", "-pk")
        .values("comment")[:1]
    )


class State:
    WAITING = "waiting"
    CHANGES = "changes"
    PUBLISHED = "published"
    EXPIRED = "expired"
    DRAFT = "draft"


def state_of(listing, now):
    """What the member's listings page says of a listing."""
    expired = listing.expired or (listing.expire_at is not None and listing.expire_at <= now)
    if listing.review_status == WorkflowState.STATUS_NEEDS_CHANGES:
        return State.CHANGES
    if listing.review_status == WorkflowState.STATUS_IN_PROGRESS and not listing.live:
        return State.WAITING
    if expired:
        return State.EXPIRED
    if listing.live:
        return State.PUBLISHED
    return State.DRAFT


def mine(index_page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    companies = list(managed_companies(request.user).values_list("pk", "name"))
    names = dict(companies)
    listings = (
        index_page.listings_of_companies(names)
        .annotate(review_status=_review_status(), review_comment=_review_comment())
        .select_related("locale")
        .order_by("-pk")
    )
    listings = _one_per_listing(listings, index_page.locale_id)
    page = page_of(request, listings, PER_PAGE)
    now = timezone.now()
    for listing in page.object_list:
        listing.state = state_of(listing, now)
        listing.company_name = names.get(listing.company_id, "")
        listing.changes_waiting = listing.live and bool(listing.review_status)
        listing.may_renew = listing.live or listing.expired
    return index_page.render(
        request,
        template="partnerships/mine.html",
        context_overrides={"listings": page, "has_companies": bool(companies)},
    )


def _one_per_listing(listings, locale_id):
    """Each listing once: its version in the page's language, or else the
    version of another language (the one it was written in)."""
    here = listings.filter(locale_id=locale_id).values("translation_key")
    return listings.filter(Q(locale_id=locale_id) | ~Q(translation_key__in=here))


# --- renewing ---------------------------------------------------------------------


def renew(index_page, request, listing_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    listing, refusal = _listing_to_manage(index_page, request, listing_id)
    if refusal:
        return refusal
    if not (listing.live or listing.expired):
        messages.error(
            request,
            _("Only a published or expired listing can be renewed; this one waits for review."),
        )
        return redirect(index_page.url_of("mine", request=request))
    expire_at = index_page.renewed_expiry()
    with transaction.atomic():
        _republished, waiting = renew_listing(listing, expire_at, request.user)
    date = date_format(timezone.localtime(expire_at).date())
    if waiting:
        messages.success(
            request,
            _(
                "The listing is renewed until %(date)s. It has changes the coordinators have "
                "not approved yet: it is public again once they approve them."
            )
            % {"date": date},
        )
    else:
        messages.success(request, _("The listing is renewed until %(date)s.") % {"date": date})
    return redirect(index_page.url_of("mine", request=request))


def renew_listing(listing, expire_at, user):
    """Give `listing` and its translations the expiry `expire_at`: on the
    page and on its latest revision (what an approval publishes). A
    version that Wagtail's `publish_scheduled` unpublished as expired is
    published again at once if nothing changed since it was published;
    one with changes not approved yet stays for the review, which
    publishes it with the new date. Returns (pages republished, pages
    left waiting)."""
    value = json.loads(json.dumps(expire_at, cls=DjangoJSONEncoder))
    republished = waiting = 0
    pages = (
        type(listing).objects.filter(translation_key=listing.translation_key).select_for_update()
    )
    for page in pages:
        revision = page.get_latest_revision()
        if revision is not None:
            revision.content["expire_at"] = value
            revision.save(update_fields=["content"])
        Page.objects.filter(pk=page.pk).update(expire_at=expire_at)
        page_cache.changed()
        if page.live or not page.expired:
            continue
        unchanged = (
            revision is not None
            and page.last_published_at is not None
            and revision.created_at <= page.last_published_at
            and not page.workflow_in_progress
        )
        if unchanged:
            revision.publish(user=user, skip_permission_checks=True, log_action="wagtail.publish")
            republished += 1
        else:
            waiting += 1
    return republished, waiting
