"""Saving the member's own forms (profile, company profile)."""

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _


def save_posted_form(request, form_class, success_message, *, instance=None, after_save=None):
    """Use in every view of a form with pictures (community/uploads.py).

    On GET, the form for `instance`. On POST, the form bound to the posted
    fields and files; if it is valid, it is saved in one transaction with
    `after_save(saved)` (if given), so a replaced picture is deleted only
    once everything is committed, and `success_message` is shown.
    Returns (form, the saved object or None)."""
    if request.method != "POST":
        return form_class(instance=instance), None
    form = form_class(request.POST, request.FILES, instance=instance)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return form, None
    with transaction.atomic():
        saved = form.save()
        if after_save is not None:
            after_save(saved)
    messages.success(request, success_message)
    return form, saved
