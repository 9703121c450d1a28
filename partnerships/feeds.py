"""The RSS feed of open listings."""

from django.http import Http404


def listings(index_page, request):
    raise Http404
