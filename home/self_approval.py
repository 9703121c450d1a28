"""Nobody approves their own submission: the review needs a second person.

A reviewer may not approve a task state that is their own submission:
either they submitted the workflow (WorkflowState.requested_by), or they
saved any of the changes that approval would publish (a revision since the
page was last published: Wagtail publishes the latest revision). So a
colleague resubmitting my edits does not let me approve my own changes,
and a reviewer who edits a page under review needs another reviewer.
They may still request changes (it only sends the page back, as cancelling
would) and they still see the page among their own pages in a workflow,
but not among those awaiting their review.

Superusers are excepted, as Wagtail lets them publish anyway; when one
approves their own submission it is logged twice: a Python warning, and an
entry in the page's history ("Workflow: approved own submission").

The rule is one class decorator, `forbid_self_approval`, for every task
type a page can be in: the regional review's RegionCoordinatorsTask
(home/workflows.py) and Wagtail's GroupApprovalTask (the "Moderators
approval" workflow made by Wagtail's migrations, and any an administrator
adds), which HomeConfig.ready() decorates as Wagtail offers no hook for
workflow actions. A new task type takes part by being decorated too.
"""

import functools
import logging

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import LogFormatter, log
from wagtail.models import Revision

logger = logging.getLogger(__name__)

APPROVE = "approve"
SELF_APPROVAL_LOG_ACTION = "home.workflow.approve_own"


def wrote_unpublished_changes(obj, user):
    """Whether `user` saved a revision of `obj` since it was last
    published: approval publishes the latest revision, and with it every
    change since."""
    revisions = Revision.objects.for_instance(obj).filter(user=user)
    live_revision_id = getattr(obj, "live_revision_id", None)
    if live_revision_id is not None:
        revisions = revisions.filter(pk__gt=live_revision_id)
    return revisions.exists()


def is_own_submission(task_state, user):
    """Whether `user` submitted the workflow of `task_state` or wrote
    changes it would publish. Asked afresh each time: use it where the
    answer decides."""
    if user.pk is None:
        return False
    workflow_state = task_state.workflow_state
    return workflow_state.requested_by_id == user.pk or wrote_unpublished_changes(
        workflow_state.content_object, user
    )


def seems_own_submission(task_state, user):
    """is_own_submission(), remembered on the user for the request, for
    what the admin shows (it asks several times per page view). Keyed by
    task state, as a new submission gets a new one; an edit saved during
    the request is seen by on_action(), which asks afresh."""
    checks = user.__dict__.setdefault("_own_submission_checks", {})
    if task_state.pk not in checks:
        checks[task_state.pk] = is_own_submission(task_state, user)
    return checks[task_state.pk]


def may_not_approve(task_state, user):
    return not user.is_superuser and seems_own_submission(task_state, user)


def without_own_approval(actions, obj, user):
    """`actions` (Task.get_actions) less "approve" when `obj` is `user`'s
    own submission."""
    if not any(name == APPROVE for name, _label, _modal in actions):
        return actions
    task_state = obj.current_workflow_task_state
    if task_state is None or not may_not_approve(task_state, user):
        return actions
    return [action for action in actions if action[0] != APPROVE]


def record_self_approval(task_state, user):
    obj = task_state.workflow_state.content_object
    logger.warning(
        "Superuser %s (id %s) approved their own submission: %s %s (id %s), task state %s",
        user.get_username(),
        user.pk,
        obj._meta.label,
        obj,
        obj.pk,
        task_state.pk,
    )
    log(
        instance=getattr(obj, "specific", obj),
        action=SELF_APPROVAL_LOG_ACTION,
        user=user,
        revision=task_state.revision,
        data={"task_state_id": task_state.pk, "task": task_state.task.name},
    )


def forbid_self_approval(task_class):
    """Make `task_class` (a Wagtail Task) refuse, hide and not ask for the
    approval of a reviewer's own submission. Returns the class, so it
    serves as a class decorator."""
    if getattr(task_class, "_forbids_self_approval", False):
        return task_class
    get_actions = task_class.get_actions
    on_action = task_class.on_action
    get_task_states_user_can_moderate = task_class.get_task_states_user_can_moderate

    @functools.wraps(get_actions)
    def guarded_get_actions(self, obj, user):
        return without_own_approval(get_actions(self, obj, user), obj, user)

    @functools.wraps(on_action)
    def guarded_on_action(self, task_state, user, action_name, **kwargs):
        # Checked on the task state itself: the admin checks get_actions()
        # against the object named in the URL, which may be another one.
        own = action_name == APPROVE and is_own_submission(task_state, user)
        if own and not user.is_superuser:
            raise PermissionDenied
        with transaction.atomic():
            result = on_action(self, task_state, user, action_name, **kwargs)
            if own:
                record_self_approval(task_state, user)
        return result

    @functools.wraps(get_task_states_user_can_moderate)
    def guarded_get_task_states_user_can_moderate(self, user, **kwargs):
        task_states = get_task_states_user_can_moderate(self, user, **kwargs)
        if user.is_superuser:
            return task_states
        return task_states.exclude(workflow_state__requested_by=user).exclude(revision__user=user)

    task_class.get_actions = guarded_get_actions
    task_class.on_action = guarded_on_action
    task_class.get_task_states_user_can_moderate = guarded_get_task_states_user_can_moderate
    task_class._forbids_self_approval = True
    return task_class


class SelfApprovalLogFormatter(LogFormatter):
    """How the page's history shows a superuser's approval of their own
    submission (registered in home/wagtail_hooks.py)."""

    label = _("Workflow: approved own submission")

    def format_message(self, log_entry):
        return _("Approved by the person who submitted it (a superuser).")
