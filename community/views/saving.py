"""Saving the member's own forms (profile, company profile)."""

import logging

from django.contrib import messages
from django.db import transaction
from django.utils.translation import gettext as _

logger = logging.getLogger(__name__)


def save_posted_form(request, form_class, success_message, *, instance=None, after_save=None):
    """Use in every view of a form with pictures (community/uploads.py).

    On GET, the form for `instance`. On POST, the form bound to the posted
    fields and files; if it is valid, it is saved in one transaction with
    `after_save(saved)` (if given), so a replaced picture is deleted only
    once everything is committed, and `success_message` is shown.
    If storing a picture fails (the disk is full, the storage cannot be
    reached), nothing is saved, the files written meanwhile are deleted and
    the form comes back with a message.
    Returns (form, the saved object or None)."""
    if request.method != "POST":
        return form_class(instance=instance), None
    form = form_class(request.POST, request.FILES, instance=instance)
    if not form.is_valid():
        messages.error(request, _("Please correct the errors below."))
        return form, None
    try:
        with transaction.atomic():
            saved = form.save()
            if after_save is not None:
                after_save(saved)
    except OSError:
        form.discard_new_pictures()
        logger.exception("Could not store the pictures of %s", form_class.__name__)
        message = _(
            "Your picture could not be stored: our file storage is full or unavailable. "
            "Nothing was changed; please try again later."
        )
        form.add_error(None, message)
        messages.error(request, message)
        return form, None
    except BaseException:
        form.discard_new_pictures()
        raise
    messages.success(request, success_message)
    return form, saved
