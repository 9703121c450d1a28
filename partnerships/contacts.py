"""Expressions of interest in a listing and the conversations they start."""

from django.http import Http404


def express_interest(index_page, request, listing_id):
    raise Http404


def inbox(index_page, request):
    raise Http404


def conversation(index_page, request, interest_id):
    raise Http404
