"""Translations go through the same review as other pages.

wagtail-localize's translation editor can only publish (for those who may)
and has no "submit for review". So a translated page that may be edited but
not published by the user gets a "Submit translation for review" button (in
the page's header and in the page listing); it starts the page's workflow
(the "Regional review"), whose approval publishes the translation. Until
then the translation is a draft that visitors cannot see.
"""

from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.admin.widgets import Button
from wagtail.models import Page
from wagtail_localize.models import TranslationSource


def is_translation(page):
    """Whether `page` was made by wagtail-localize from a page of another
    language."""
    return (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .exists()
    )


def can_submit(page, user):
    """The user may edit the translation but not publish it, it has changes
    to review, and it has a workflow that is not already running."""
    permissions = page.permissions_for_user(user)
    return (
        permissions.can_edit()
        and not permissions.can_publish()
        and (not page.live or page.has_unpublished_changes)
        and page.get_workflow() is not None
        and not page.workflow_in_progress
        and is_translation(page)
    )


@require_admin_access
@require_POST
def submit_for_review(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not can_submit(page, request.user):
        return permission_denied(request)
    page.get_workflow().start(page, request.user)
    messages.success(
        request, _("The translation “%(title)s” was submitted for review.") % {"title": page.title}
    )
    return redirect("wagtailadmin_explore", page.get_parent().pk)


class SubmitTranslationButton(Button):
    template_name = "home/admin/submit_translation_button.html"


def submit_button(page, user):
    if can_submit(page.specific_deferred, user):
        yield SubmitTranslationButton(
            gettext_lazy("Submit translation for review"),
            reverse("home_submit_translation_for_review", args=[page.pk]),
            icon_name="resubmit",
            priority=15,
        )
