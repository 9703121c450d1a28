"""Models of the community app, one module per concern: person profiles,
companies, the people directory page, the regional centres and their
news (forums and blogs join later in modules of their own)."""

from .companies import Company, CompanyMembership, Role, Sector
from .pages import PeopleIndexPage
from .profiles import Profile, Visibility
from .regions import NewsPage, RegionIndexPage, RegionPage

__all__ = [
    "Company",
    "CompanyMembership",
    "NewsPage",
    "PeopleIndexPage",
    "Profile",
    "RegionIndexPage",
    "RegionPage",
    "Role",
    "Sector",
    "Visibility",
]
