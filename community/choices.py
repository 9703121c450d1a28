"""The sectors of companies: the company model and form and the people
directory's filter share them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Sector(models.TextChoices):
    SOFTWARE = "software", _("Software and IT services")
    ELECTRONICS = "electronics", _("Electronics and instruments")
    ENGINEERING = "engineering", _("Engineering and manufacturing")
    MATERIALS = "materials", _("New materials and chemistry")
    BIOTECH = "biotech", _("Biotechnology and medicine")
    ENERGY = "energy", _("Energy and environment")
    CONSULTING = "consulting", _("Consulting and business services")
    OTHER = "other", _("Other")
