"""The notification list, "mark all read", follow buttons and settings."""

from django.http import Http404


def notification_list(request):
    raise Http404


def mark_all_read(request):
    raise Http404


def toggle_follow(request):
    raise Http404


def notification_settings(request):
    raise Http404
