"""The types of library items."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ItemType(models.TextChoices):
    CASE_STUDY = "case_study", _("Case study")
    ARTICLE = "article", _("Article")
    EXPERT_ADVICE = "expert_advice", _("Expert advice")
    REPORT = "report", _("Report")
