"""Who may do what with expressions of interest.

- The member who sent one and the accepted managers of the listing's
  company read and write its conversation; the company's managers record
  its outcome.
- The coordinators of the listing's region introduce the member
  (home/region_roles.py); the head office's Coordinators (the permission
  partnerships.introduce_everywhere, given by 0003_interest) and
  superusers do so in every region and see every region's outcomes. A
  coordinator who made an introduction may read the conversation.
- Nobody expresses interest in a listing of a company they belong to.
"""

from community.models import CompanyMembership, Role
from home.access import has_permission
from home.region_roles import coordinated_region_slugs as coordinated_slugs
from home.region_roles import user_coordinates

EVERYWHERE = "partnerships.introduce_everywhere"


def introduces_everywhere(user):
    return has_permission(user, EVERYWHERE)


def coordinated_region_slugs(user):
    """The slugs of the regions whose introductions and outcomes `user`
    sees: None for every region, an empty set for none."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if introduces_everywhere(user):
        return None
    return set(coordinated_slugs(user))


def introduces_somewhere(user):
    slugs = coordinated_region_slugs(user)
    return slugs is None or bool(slugs)


def may_introduce(user, interest):
    """Whether `user` may record the introduction asked in `interest`."""
    if not user.is_authenticated or not user.is_active:
        return False
    return introduces_everywhere(user) or user_coordinates(user, interest.region)


def belongs_to(user, company_id):
    """Whether `user` is an accepted member or manager of the company."""
    return (
        company_id is not None
        and user.is_authenticated
        and CompanyMembership.objects.filter(
            company_id=company_id, user=user, accepted=True
        ).exists()
    )


def manages(user, company_id):
    return (
        company_id is not None
        and user.is_authenticated
        and CompanyMembership.objects.filter(
            company_id=company_id, user=user, role=Role.MANAGER, accepted=True
        ).exists()
    )


def manager_ids(company_id):
    """The ids of the company's accepted managers."""
    if company_id is None:
        return []
    return list(
        CompanyMembership.objects.filter(
            company_id=company_id, role=Role.MANAGER, accepted=True
        ).values_list("user_id", flat=True)
    )
