"""Models of the site's base app: pages, the contact form, the two
taxonomies (Topic, Region) and the site-wide settings."""

# The workflow task lives beside the workflow code (home/workflows.py);
# importing it here registers the model with the home app.
from home.workflows import RegionCoordinatorsTask

from .forms import FormField, FormPage
from .pages import HomePage, StandardPage
from .site_settings import SiteSettings
from .taxonomy import Region, Topic

__all__ = [
    "FormField",
    "FormPage",
    "HomePage",
    "Region",
    "RegionCoordinatorsTask",
    "SiteSettings",
    "StandardPage",
    "Topic",
]
