"""Where an expression of interest stands: open while the member and the
company talk, closed by one of the company's managers with its outcome."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    OPEN = "open", _("Open")
    CONTACT_MADE = "contact_made", _("Contact made")
    AGREEMENT_SIGNED = "agreement_signed", _("Agreement signed")
    NO_RESULT = "no_result", _("No result")


# The outcomes a company's managers may record; each closes the expression.
OUTCOMES = [Status.CONTACT_MADE, Status.AGREEMENT_SIGNED, Status.NO_RESULT]

# The longest message a member or a manager may send.
MESSAGE_MAX_LENGTH = 2000
# The longest note to the coordinators or about an introduction.
NOTE_MAX_LENGTH = 1000
