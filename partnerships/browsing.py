"""Browsing the partnerships: the list with its filters, a listing's page
with its matches, and a member's "Partners for you"."""

from django.http import Http404


def index(index_page, request):
    raise Http404


def for_you(index_page, request):
    raise Http404


def listing_context(listing, request):
    return {}
