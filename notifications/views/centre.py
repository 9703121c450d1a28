"""The member's notification list, "mark all read", opening one
notification, the follow button's action, and the settings page.

Every view is the signed-in member's own: a notification is looked up
among the member's notifications only, so another member's number answers
404 and changes nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from home.pagination import page_of
from home.terms import terms_of_language
from notifications import follows
from notifications.display import describe, for_display
from notifications.forms import NotificationSettingsForm
from notifications.models import Follow, Notification

PER_PAGE = 20


@never_cache
@login_required
def notification_list(request):
    """The member's notifications, newest first; opening the list marks
    nothing read."""
    shown = page_of(request, for_display(request.user.notifications.all()), PER_PAGE)
    return render(
        request,
        "notifications/notification_list.html",
        {"page_obj": shown, "items": describe(shown.object_list, request.user)},
    )


@never_cache
@login_required
@require_POST
def mark_all_read(request):
    request.user.notifications.unread().update(read_at=timezone.now())
    messages.success(request, _("All your notifications are marked as read."))
    return redirect("notifications:list")


@never_cache
@login_required
@require_POST
def open_notification(request, pk):
    """Mark one of the member's notifications read and go to what it is
    about; 404 for someone else's or for one whose target the member may
    no longer see."""
    notification = get_object_or_404(
        for_display(Notification.objects.filter(recipient=request.user)), pk=pk
    )
    items = describe([notification], request.user)
    if not items:
        raise Http404
    if notification.read_at is None:
        Notification.objects.filter(pk=pk).update(read_at=timezone.now())
    return redirect(items[0].url)


@never_cache
@login_required
@require_POST
def toggle_follow(request):
    """Follow (action=follow) or unfollow (action=unfollow) one thing,
    then go back to `next`. Something unknown or hidden is answered with a
    message and nothing is written."""
    kind, key = request.POST.get("kind", ""), request.POST.get("key", "")
    back = safe_next(request)
    thing = follows.find(kind, key, request.user)
    if thing is None:
        messages.error(request, _("There is nothing to follow here."))
        return redirect(back)
    if kind == "member" and key == str(request.user.pk):
        messages.error(request, _("You cannot follow yourself."))
        return redirect(back)
    if request.POST.get("action") == "unfollow":
        follows.unfollow(request.user, kind, key)
        messages.success(request, _("You no longer follow “%(name)s”.") % {"name": thing})
    else:
        follows.follow(request.user, kind, key)
        messages.success(request, _("You now follow “%(name)s”.") % {"name": thing})
    return redirect(back)


def safe_next(request):
    """The posted `next` when it is a page of this site, else the
    settings page."""
    target = request.POST.get("next", "")
    if target.startswith("/") and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return "notifications:settings"


@never_cache
@login_required
def notification_settings(request):
    followed = list(Follow.objects.filter(user=request.user).values_list("kind", "key"))
    options = {"user": request.user, "terms": terms_of_language(), "followed": followed}
    if request.method == "POST":
        form = NotificationSettingsForm(request.POST, **options)
        if form.is_valid():
            form.save()
            messages.success(request, _("Your notification settings have been saved."))
            return redirect("notifications:settings")
        messages.error(request, _("Please correct the errors below."))
    else:
        form = NotificationSettingsForm(**options)
    return render(
        request,
        "notifications/settings.html",
        {"form": form, "followed": followed_by_kind(request.user, followed)},
    )


def followed_by_kind(user, followed):
    """[(kind, [(key, thing)])] of the (kind, key) pairs `followed` that
    `user` may still see, by kind, one query per kind; kinds with nothing
    left out."""
    keys = {}
    for kind, key in followed:
        keys.setdefault(kind, []).append(key)
    grouped = []
    for kind in follows.follow_kinds():
        if kind.name not in keys:
            continue
        found = kind.find(keys[kind.name], user)
        things = sorted(found.items(), key=lambda pair: str(pair[1]).casefold())
        if things:
            grouped.append((kind, things))
    return grouped
