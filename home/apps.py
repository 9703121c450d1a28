from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site")

    def ready(self):
        from wagtail.models import GroupApprovalTask

        from home import access, freshness, front_cache, navigation, terms, workflow_mail, workflows
        from home.self_approval import forbid_self_approval
        from portal import page_cache

        access.connect_signals()
        navigation.connect_signals()
        front_cache.connect_signals()
        freshness.connect_signals()
        terms.connect_signals()
        workflows.connect_signals()
        # Anonymous visitors' cached pages: dropped by any change they show.
        page_cache.connect_signals()
        # Wagtail's e-mails of a workflow's outcome: only to admin users.
        workflow_mail.connect_signals()
        # Wagtail's own task type, used by its "Moderators approval"
        # workflow: the same rule as the regional review.
        forbid_self_approval(GroupApprovalTask)
