"""Wagtail's own e-mails of a workflow's outcome reach only the people
who can use the admin.

Wagtail e-mails the member who submitted a page (any page or snippet)
when its workflow is approved or asks for changes
(wagtail/admin/mail.py), in the admin's words and with links into the
admin. Members who write on the site (partnership listings) cannot open
it: they are told through the notification centre instead
(partnerships/review_notices.py). These notifiers are Wagtail's, leaving
out whoever may not use the admin (home/access.may_use_admin); staff keep
receiving them, as their e-mail preferences say.

They take the place of Wagtail's under Wagtail's own dispatch_uid: the
one connected first stays, so whichever app is ready first, Wagtail's
are never connected beside these.
"""

from wagtail.admin.mail import (
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
)
from wagtail.models import WorkflowState
from wagtail.signals import workflow_approved, workflow_rejected

from home.access import may_use_admin


class AdminUsersOnly:
    def get_recipient_users(self, instance, **kwargs):
        return {
            user for user in super().get_recipient_users(instance, **kwargs) if may_use_admin(user)
        }


class ApprovalNotifier(AdminUsersOnly, WorkflowStateApprovalEmailNotifier):
    pass


class RejectionNotifier(AdminUsersOnly, WorkflowStateRejectionEmailNotifier):
    pass


approval_notifier = ApprovalNotifier()
rejection_notifier = RejectionNotifier()

# Wagtail's (wagtail/admin/signal_handlers.py).
APPROVED_UID = "workflow_state_approved_email_notification"
REJECTED_UID = "workflow_state_rejected_email_notification"


def connect_signals():
    for signal, notifier, uid in (
        (workflow_approved, approval_notifier, APPROVED_UID),
        (workflow_rejected, rejection_notifier, REJECTED_UID),
    ):
        signal.disconnect(sender=WorkflowState, dispatch_uid=uid)
        signal.connect(notifier, sender=WorkflowState, dispatch_uid=uid)
