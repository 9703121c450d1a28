"""Choices shared by the apps' models."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class CompanySize(models.TextChoices):
    """The size of a company by its number of people: for company profiles
    and the companies of case studies."""

    MICRO = "micro", _("1–9 people")
    SMALL = "small", _("10–49 people")
    MEDIUM = "medium", _("50–249 people")
    LARGE = "large", _("250 people or more")
