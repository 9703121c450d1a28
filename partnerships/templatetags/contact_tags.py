"""What the listing page offers its reader about the listing: log in,
"your company's listing", the open conversation, or the form to express
interest (partnerships/contacts.py listing_state)."""

from django import template

from partnerships.contacts import listing_state
from partnerships.models import PartnershipsIndexPage

register = template.Library()


@register.simple_tag(takes_context=True)
def listing_contact(context, listing):
    """{"state", "conversation_id", "action_url", "conversation_url",
    "inbox_url"} for the reader of `listing`. The partnerships page's
    address is the listing's without its slug: no query for it."""
    request = context.get("request")
    user = getattr(request, "user", None)
    found = listing_state(listing, user) if user is not None else {"state": "anonymous"}
    listing_url = listing.get_url(request) or ""
    index_url = (
        listing_url[: -len(listing.slug) - 1]
        if listing_url.endswith(f"{listing.slug}/")
        else listing_url
    )
    routes = PartnershipsIndexPage.get_resolver()
    conversation_id = found.get("conversation_id")
    return {
        **found,
        "listing_url": listing_url,
        "action_url": index_url + routes.reverse("express_interest", listing.pk),
        "inbox_url": index_url + routes.reverse("contacts"),
        "conversation_url": (
            index_url + routes.reverse("contact", conversation_id) if conversation_id else ""
        ),
    }
