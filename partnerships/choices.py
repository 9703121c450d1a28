from django.db import models
from django.utils.translation import gettext_lazy as _


class ListingType(models.TextChoices):
    """What a listing offers or asks for. Offers and requests complement
    each other (see `complements`)."""

    TECHNOLOGY_OFFER = "technology_offer", _("Technology offer")
    TECHNOLOGY_REQUEST = "technology_request", _("Technology request")
    COMMERCIAL = "commercial", _("Commercial cooperation")
    RESEARCH = "research", _("Research cooperation")
    INVESTMENT = "investment", _("Investment sought")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    PROTOTYPE = "prototype", _("Prototype")
    MARKET = "market", _("On the market")
