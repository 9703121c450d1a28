"""One-click unsubscribe from the links in notification e-mails."""

from django.http import Http404


def unsubscribe(request, token):
    raise Http404
