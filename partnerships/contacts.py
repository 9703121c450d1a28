"""Expressions of interest in a listing and the conversations they start
(the routes of the partnerships page: `<listing id>/interest/`,
`contacts/` and `contacts/<id>/`).

- A signed-in member sends a listing's company a short message; not to a
  company they belong to, not twice while their first expression is open
  (the database says so too: a double submit lands on the conversation),
  and at most ACCOUNT_RATE_LIMITS["partnership_interest"] (allauth's rate
  limiting, as the forums and the contact form count).
- The member and the company's managers write to each other on the site;
  each side's e-mail address is shown to the other only once that side
  shares it. The member may ask the coordinators of the listing's region
  for a warm introduction (once); the managers record the outcome, which
  closes the expression.
- Anyone else gets "not found", and their POSTs write nothing.

As everywhere in the portal (README, "Routable pages"), these views import
no model of their app: they take their data from the partnerships page
(`interests()`, `open_listing()`) and narrow it with queryset methods.
"""

from allauth.core import ratelimit
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.views import redirect_to_login
from django.db import IntegrityError, transaction
from django.db.models import Case, Exists, F, OuterRef, Subquery, When
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from community.models import CompanyMembership
from home.pagination import page_of
from partnerships import contact_notices
from partnerships.contact_choices import Status
from partnerships.contact_forms import (
    InterestForm,
    IntroductionRequestForm,
    MessageForm,
    OutcomeForm,
)
from partnerships.contact_rights import belongs_to, manages

INTEREST_ACTION = "partnership_interest"
MESSAGE_ACTION = "partnership_message"
PER_PAGE = 20

TOO_MANY_INTERESTS = gettext_lazy(
    "You have expressed interest in many listings today, so this message was not sent. "
    "Please try again tomorrow."
)
TOO_MANY_MESSAGES = gettext_lazy(
    "You have sent many messages in a short while, so this one was not sent. "
    "Please wait a little and send it again."
)


def _refuse(index_page, request, message, status):
    return TemplateResponse(
        request,
        "partnerships/contacts_refused.html",
        {"page": index_page, "message": message},
        status=status,
    )


def _login(request):
    return redirect_to_login(request.get_full_path())


def _open_expression(index_page, user, listing):
    """The member's open expression of interest in the listing (in any
    language), or None."""
    return (
        index_page.interests()
        .open()
        .filter(member=user, listing_key=listing.translation_key)
        .first()
    )


def _to_existing(index_page, request, listing, existing):
    """Back to the conversation the member already has about the listing."""
    messages.info(
        request,
        _("You have already expressed interest in this listing: here is your conversation."),
    )
    if existing is None:
        return redirect(listing.get_url(request))
    return redirect(index_page.url_of("contact", existing.pk))


# --- expressing interest ----------------------------------------------------------


def express_interest(index_page, request, listing_id):
    if not request.user.is_authenticated:
        return _login(request)
    listing = index_page.open_listing(listing_id)
    if listing is None:
        return _refuse(
            index_page,
            request,
            _("This listing does not exist or is no longer open, so you cannot answer it."),
            404,
        )
    if belongs_to(request.user, listing.company_id):
        return _refuse(
            index_page,
            request,
            _("This is a listing of your own company: you cannot express interest in it."),
            403,
        )
    existing = _open_expression(index_page, request.user, listing)
    if existing is not None:
        return _to_existing(index_page, request, listing, existing)
    form = InterestForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        if not ratelimit.consume(request, action=INTEREST_ACTION, user=request.user):
            form.add_error(None, TOO_MANY_INTERESTS)
        else:
            interest = _create(index_page, listing, request.user, form.cleaned_data["body"])
            if interest is None:
                # The same form sent twice at once: the first one made it.
                existing = _open_expression(index_page, request.user, listing)
                return _to_existing(index_page, request, listing, existing)
            messages.success(
                request,
                _(
                    "Your message has been sent to the company. You will be told when its "
                    "managers reply."
                ),
            )
            return redirect(index_page.url_of("contact", interest.pk))
    return TemplateResponse(
        request,
        "partnerships/contacts_interest_form.html",
        {"page": index_page, "listing": listing, "form": form},
        status=400 if form.errors else 200,
    )


def _create(index_page, listing, member, body):
    """The new expression with its first message, or None when the member
    has an open one already (a double submit)."""
    now = timezone.now()
    try:
        with transaction.atomic():
            interest = index_page.interests().create(
                listing=listing,
                listing_key=listing.translation_key,
                listing_title=listing.title,
                company_id=listing.company_id,
                region_id=listing.region_id,
                member=member,
                last_activity_at=now,
                member_read_at=now,
            )
            interest.messages.create(author=member, from_company=False, body=body)
    except IntegrityError:
        return None
    contact_notices.interest_sent(interest)
    return interest


# --- the inbox ----------------------------------------------------------------------


def inbox(index_page, request):
    if not request.user.is_authenticated:
        return _login(request)
    user = request.user
    interests = (
        index_page.interests()
        .involving(user)
        .select_related("company", "member")
        .annotate(
            read_at=Case(When(member=user, then=F("member_read_at")), default=F("company_read_at"))
        )
        .order_by("-last_activity_at", "-pk")
    )
    page = page_of(request, interests, PER_PAGE)
    for interest in page.object_list:
        interest.sent_by_me = interest.member_id == user.pk
        interest.unread = interest.read_at is None or interest.last_activity_at > interest.read_at
    return TemplateResponse(
        request,
        "partnerships/contacts_inbox.html",
        {"page": index_page, "interests": page},
    )


# --- a conversation -----------------------------------------------------------------


def _side(interest, user):
    """ "member", "company" or "coordinator" (reads only)."""
    if interest.member_id == user.pk:
        return "member"
    if manages(user, interest.company_id):
        return "company"
    return "coordinator"


def conversation(index_page, request, interest_id):
    if not request.user.is_authenticated:
        return _login(request)
    interest = (
        index_page.interests()
        .seen_by(request.user)
        .select_related("member", "company", "region", "company_email_shared_by", "listing")
        .filter(pk=interest_id)
        .first()
    )
    if interest is None:
        raise Http404
    side = _side(interest, request.user)
    forms = {}
    if request.method == "POST":
        if side == "coordinator":
            return _refuse(
                index_page,
                request,
                _("Only the member and the company's managers write in this conversation."),
                403,
            )
        response, forms = _act(index_page, request, interest, side)
        if response is not None:
            return response
    else:
        _mark_read(interest, side)
    return _render_conversation(index_page, request, interest, side, forms)


def _mark_read(interest, side):
    field = "member_read_at" if side == "member" else "company_read_at"
    if side == "coordinator":
        return
    if getattr(interest, field) is None or getattr(interest, field) < interest.last_activity_at:
        type(interest).objects.filter(pk=interest.pk).update(**{field: timezone.now()})


def _render_conversation(index_page, request, interest, side, forms, status=200):
    thread = list(interest.messages.select_related("author"))
    other_email = ""
    if side == "member" and interest.company_email_shared_by is not None:
        other_email = interest.company_email_shared_by.email
    elif side == "company" and interest.member_email_shared_at:
        other_email = interest.member.email
    my_email_shared = (
        interest.member_email_shared_at is not None
        if side == "member"
        else interest.company_email_shared_at is not None
    )
    listing = interest.listing
    listing_url = listing.get_url(request) if listing is not None and listing.live else ""
    context = {
        "page": index_page,
        "interest": interest,
        "side": side,
        "thread": thread,
        "other_email": other_email,
        "my_email_shared": my_email_shared,
        "listing_url": listing_url,
        "may_write": side in ("member", "company") and interest.is_open,
        "may_ask_introduction": (
            side == "member"
            and interest.is_open
            and interest.introduction_requested_at is None
            and interest.region_id is not None
        ),
        "may_close": side == "company" and interest.is_open,
        "reply_form": forms.get("reply") or MessageForm(),
        "introduction_form": forms.get("introduction") or IntroductionRequestForm(),
        "outcome_form": forms.get("outcome") or OutcomeForm(),
    }
    if any(form.errors for form in forms.values()):
        status = 400
    return TemplateResponse(
        request, "partnerships/contacts_conversation.html", context, status=status
    )


def _act(index_page, request, interest, side):
    """(a redirect, None) when done; (None, the forms with their errors)
    when the input was refused."""
    action = request.POST.get("action")
    here = index_page.url_of("contact", interest.pk)
    interests = index_page.interests().filter(pk=interest.pk)
    if action == "share_email":
        if side == "member":
            interests.filter(member_email_shared_at=None).update(
                member_email_shared_at=timezone.now()
            )
        else:
            interests.filter(company_email_shared_at=None).update(
                company_email_shared_at=timezone.now(), company_email_shared_by=request.user
            )
        messages.success(request, _("The other side now sees your e-mail address."))
        return redirect(here), {}
    if not interest.is_open:
        messages.error(request, _("This conversation is closed: nothing was changed."))
        return redirect(here), {}
    if action == "reply":
        form = MessageForm(request.POST)
        if not form.is_valid():
            return None, {"reply": form}
        if not ratelimit.consume(request, action=MESSAGE_ACTION, user=request.user):
            form.add_error(None, TOO_MANY_MESSAGES)
            return None, {"reply": form}
        now = timezone.now()
        with transaction.atomic():
            message = interest.messages.create(
                author=request.user, from_company=side == "company", body=form.cleaned_data["body"]
            )
            read_field = "member_read_at" if side == "member" else "company_read_at"
            interests.update(last_activity_at=now, **{read_field: now})
        contact_notices.message_sent(interest, message)
        messages.success(request, _("Your message has been sent."))
        return redirect(here), {}
    if action == "introduction" and side == "member":
        if interest.introduction_requested_at is not None:
            messages.info(request, _("You have already asked for an introduction."))
            return redirect(here), {}
        if interest.region_id is None:
            messages.error(request, _("This listing has no region whose coordinators could help."))
            return redirect(here), {}
        form = IntroductionRequestForm(request.POST)
        if not form.is_valid():
            return None, {"introduction": form}
        interests.filter(introduction_requested_at=None).update(
            introduction_requested_at=timezone.now(),
            introduction_request_note=form.cleaned_data["note"],
        )
        messages.success(
            request,
            _(
                "The coordinators of the listing's region have your request. You will be "
                "told when they have introduced you."
            ),
        )
        return redirect(here), {}
    if action == "outcome" and side == "company":
        form = OutcomeForm(request.POST)
        if not form.is_valid():
            return None, {"outcome": form}
        now = timezone.now()
        interests.filter(status=Status.OPEN).update(
            status=form.cleaned_data["outcome"],
            closed_at=now,
            closed_by=request.user,
            last_activity_at=now,
        )
        messages.success(request, _("The outcome has been recorded and the expression closed."))
        return redirect(here), {}
    messages.error(request, _("That cannot be done here: nothing was changed."))
    return redirect(here), {}


def listing_state(listing, user):
    """What the listing page offers `user` about `listing` (the include
    partnerships/includes/listing_contact.html): {"state": "anonymous" |
    "own" | "open" | "may_express", "conversation_id": the open
    expression's id or None}. No query for visitors; one for members:
    whether they belong to the listing's company and their open
    expression, asked together."""
    if not user.is_authenticated:
        return {"state": "anonymous", "conversation_id": None}
    memberships = CompanyMembership.objects.filter(
        company_id=listing.company_id, user=OuterRef("pk"), accepted=True
    )
    open_expressions = (
        listing.interests.model.objects.open()
        .filter(member=OuterRef("pk"), listing_key=listing.translation_key)
        .order_by("-last_activity_at", "-pk")
    )
    found = (
        get_user_model()
        .objects.filter(pk=user.pk)
        .annotate(own=Exists(memberships), open_id=Subquery(open_expressions.values("pk")[:1]))
        .values("own", "open_id")
        .first()
    ) or {"own": False, "open_id": None}
    if listing.company_id is not None and found["own"]:
        return {"state": "own", "conversation_id": None}
    if found["open_id"] is not None:
        return {"state": "open", "conversation_id": found["open_id"]}
    return {"state": "may_express", "conversation_id": None}
