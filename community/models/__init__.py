"""Models of the community app, one module per concern: person profiles,
companies and the people directory page (regions, forums and blogs join
later in modules of their own)."""

from .companies import Company, CompanyMembership, CompanySize, Role, Sector
from .pages import PeopleIndexPage
from .profiles import Profile, Visibility

__all__ = [
    "Company",
    "CompanyMembership",
    "CompanySize",
    "PeopleIndexPage",
    "Profile",
    "Role",
    "Sector",
    "Visibility",
]
