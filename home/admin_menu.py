"""Admin menu items shown only to some people: the moderation queue to
moderators, the partnership and self-assessment reports to coordinators,
failed tasks to superusers.

    MenuItemFor(_("Forum moderation"), reverse("..."), shown_to=moderates_somewhere,
                name="forum-moderation", icon_name="warning", order=360)

`shown_to(user)` is asked on every admin screen: it should answer from
what is cached for the request or the user (home/access.py,
home/region_roles.coordinated_region_slugs), not with queries of its own.
"""

from wagtail.admin.menu import MenuItem


class MenuItemFor(MenuItem):
    def __init__(self, label, url, *, shown_to, **options):
        super().__init__(label, url, **options)
        self.shown_to = shown_to

    def is_shown(self, request):
        return self.shown_to(request.user)
