"""Models of the site's base app: pages, the contact form, the two
taxonomies (Topic, Region) and the site-wide settings."""

from .forms import FormField, FormPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import Region, Topic

__all__ = [
    "FormField",
    "FormPage",
    "HomePage",
    "Region",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
