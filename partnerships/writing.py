"""A company's managers write, edit and renew their listings on the site."""

from django.http import Http404


def write(index_page, request):
    raise Http404


def mine(index_page, request):
    raise Http404


def edit(index_page, request, listing_id):
    raise Http404


def renew(index_page, request, listing_id):
    raise Http404
