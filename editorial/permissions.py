"""What the user may do with the pages the panel lists.

Region coordinators edit only their own region's pages (community/
permissions.py); library items and events elsewhere reach them through the
regional review. The panel still shows such pages, so coordinators know
what waits, but links them to the editor and the translation screens only
where the user may edit the page: the same test those screens make
(home/translation_access.py). The check is part of each section's one
query; Wagtail remembers the user's page permissions for the request.
"""

from django.db.models import Exists
from wagtail.permission_policies.pages import PagePermissionPolicy


def editable_by(user, page_pk):
    """An expression: whether `user` may edit the page whose id is
    `page_pk` (an OuterRef)."""
    pages = PagePermissionPolicy().instances_user_has_any_permission_for(user, {"change"})
    return Exists(pages.filter(pk=page_pk))
