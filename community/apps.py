from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommunityConfig(AppConfig):
    name = "community"
    verbose_name = _("Community")

    def ready(self):
        from community import signals
        from community.memberships import present_memberships
        from community.models import CompanyMembership, NewsPage
        from notifications.followed import announce_when_published
        from notifications.targets import register_target

        signals.connect()
        register_target(CompanyMembership, present_memberships)
        announce_when_published(NewsPage)
