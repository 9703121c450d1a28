"""A company's listings go with the company.

A listing only means something as a company's offer or request, and its
revisions name the company: a revision approved or restored after the
company was deleted would name a company that is gone. So deleting a
company deletes its listings in every language, with their revisions and
reviews, in the same transaction. Expressions of interest keep the
listing's title and lose the link (partnerships/models/interest.py).
"""

from partnerships.models import ListingPage


def delete_listings_of_company(sender, instance, **kwargs):
    """pre_delete receiver of community.Company."""
    # Translations first: a source page with translations is still
    # deletable, but deleting them one by one keeps Wagtail's own clean-up
    # (revisions, workflow states, references) for each.
    listings = ListingPage.objects.filter(company=instance).order_by("-locale_id", "-pk")
    for listing in listings:
        listing.delete()
