"""Review by the coordinators of a page's own region.

Editors submit pages; the "Regional review" workflow (created by a data
migration, home 0006) has one task of this type. A page whose type has a
`region` field (a home.Region) waits for the coordinators of that region: a
Moscow coordinator approves Moscow case studies and not Ekaterinburg ones.
A page without a region waits for the task's own groups (the "Coordinators"
group by default). Superusers may approve anything.

A region's coordinators are the members of the group bound to the region
itself (`Region.coordinators`, see home/region_roles.py), whatever the
region's slug or the group's name.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import LockableMixin, Page, Task, TaskState, Workflow, WorkflowPage
from wagtail.signals import task_submitted

from home.self_approval import forbid_self_approval
from notifications.targets import Shown


def region_of(obj):
    """The home.Region of a page or other object, or None."""
    from home.models import Region

    specific = obj.specific if isinstance(obj, Page) else obj
    region = getattr(specific, "region", None)
    return region if isinstance(region, Region) else None


@forbid_self_approval
class RegionCoordinatorsTask(Task):
    """A page waits for the coordinators of its region; a page without a
    region waits for the groups chosen here."""

    groups = models.ManyToManyField(
        Group,
        verbose_name=_("groups for pages without a region"),
        blank=True,
        related_name="+",
        help_text=_(
            "Pages with a region go to the coordinators of their region; "
            "pages without one go to these groups."
        ),
    )

    admin_form_fields = Task.admin_form_fields + ["groups"]

    class Meta:
        verbose_name = _("review by the region's coordinators")
        verbose_name_plural = _("reviews by the region's coordinators")

    @classmethod
    def get_description(cls):
        return _("The coordinators of the page's region approve it.")

    def approver_groups(self, obj):
        """The groups whose members may approve `obj`."""
        region = region_of(obj)
        if region is not None:
            return Group.objects.filter(pk=region.coordinators_id)
        return self.groups.all()

    def user_can_approve(self, obj, user):
        if not user.is_active:
            return False
        if user.is_superuser:
            return True
        # Remembered on the user for the request: the editor asks several
        # times per page view.
        checks = user.__dict__.setdefault("_region_task_checks", {})
        key = (self.pk, obj.pk)
        if key not in checks:
            checks[key] = user.groups.filter(pk__in=self.approver_groups(obj)).exists()
        return checks[key]

    def approvers(self, obj, include_superusers=False):
        """Active users who may approve `obj`."""
        who = Q(groups__in=self.approver_groups(obj))
        if include_superusers:
            who |= Q(is_superuser=True)
        return get_user_model().objects.filter(who, is_active=True).distinct()

    def start(self, workflow_state, user=None):
        obj = workflow_state.content_object
        # As Wagtail's group approval does: a lock held by someone who
        # cannot review would block the reviewers.
        if (
            isinstance(obj, LockableMixin)
            and obj.locked_by
            and not self.user_can_approve(obj, obj.locked_by)
        ):
            obj.locked, obj.locked_by, obj.locked_at = False, None, None
            obj.save(update_fields=["locked", "locked_by", "locked_at"])
        return super().start(workflow_state, user=user)

    def user_can_access_editor(self, obj, user):
        return self.user_can_approve(obj, user)

    def locked_for_user(self, obj, user):
        return not self.user_can_approve(obj, user)

    def user_can_lock(self, obj, user):
        return self.user_can_approve(obj, user)

    def get_actions(self, obj, user):
        if not self.user_can_approve(obj, user):
            return []
        return [
            ("reject", _("Request changes"), True),
            ("approve", _("Approve"), False),
            ("approve", _("Approve with comment"), True),
        ]

    def on_action(self, task_state, user, action_name, **kwargs):
        # Wagtail checks the actions against the page named in the URL, not
        # the task state it is given: check again that this user may review
        # the page this task state is about.
        if not self.user_can_approve(task_state.workflow_state.content_object, user):
            raise PermissionDenied
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        in_progress = self.task_states.filter(status=TaskState.STATUS_IN_PROGRESS)
        if user.is_superuser:
            return in_progress
        allowed = [
            state.pk
            for state in in_progress.select_related("workflow_state")
            if self.user_can_approve(state.workflow_state.content_object, user)
        ]
        return in_progress.filter(pk__in=allowed)


def tell_coordinators(sender, instance, user=None, **kwargs):
    """Connected to Wagtail's `task_submitted`: a page submitted to the
    regional review is waiting for the coordinators who may approve it
    (those of its region, or the task's groups for a page without one),
    not for the member who submitted it. They are told through the
    notification centre ("review_waiting", by e-mail at once unless they
    chose otherwise), which replaces the e-mail Wagtail's group approval
    would send. Superusers, who may approve anything, are not told here:
    Wagtail's own "submitted" e-mail of the workflow reaches them
    (WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS), and one e-mail per
    person is enough."""
    task = instance.task.specific
    if not isinstance(task, RegionCoordinatorsTask):
        return
    from notifications.notify import notify

    page = instance.workflow_state.content_object
    coordinators = task.approvers(page)
    if user is not None:
        coordinators = coordinators.exclude(pk=user.pk)
    for coordinator in coordinators:
        notify(coordinator, "review_waiting", target=instance, actor=user)


def present_reviews(task_states, user):
    """Notification targets (notifications/targets.py): reviews still in
    progress, shown to those who may approve them, as the page's title
    and a link to its editor in the admin. A few queries, whatever the
    number of reviews."""
    from home.models import Region

    states = list(
        TaskState.objects.filter(
            pk__in=[state.pk for state in task_states], status=TaskState.STATUS_IN_PROGRESS
        ).select_related("workflow_state")
    )
    page_ids = {int(state.workflow_state.object_id) for state in states}
    pages = Page.objects.filter(pk__in=page_ids).specific().in_bulk()
    regions = Region.objects.in_bulk(
        {getattr(page, "region_id", None) for page in pages.values()} - {None}
    )
    groups = set(user.groups.values_list("pk", flat=True))
    task_groups = {}
    for task_id, group_id in RegionCoordinatorsTask.groups.through.objects.filter(
        regioncoordinatorstask_id__in={state.task_id for state in states}
    ).values_list("regioncoordinatorstask_id", "group_id"):
        task_groups.setdefault(task_id, set()).add(group_id)
    shown = {}
    for state in states:
        page = pages.get(int(state.workflow_state.object_id))
        if page is None:
            continue
        region = regions.get(getattr(page, "region_id", None))
        approvers = {region.coordinators_id} if region else task_groups.get(state.task_id, set())
        if user.is_active and (user.is_superuser or groups & approvers):
            path = reverse("wagtailadmin_pages:edit", args=[page.pk])
            shown[state.pk] = Shown(page.title, path)
    return shown


def assign_regional_review(sender, instance, created, raw=False, **kwargs):
    """Connected to the creation of a section's index page (a library, the
    regions page, in any language): what editors submit under it goes to
    the "Regional review" workflow (home 0006)."""
    if not created or raw:
        return
    workflow = (
        Workflow.objects.filter(
            active=True,
            workflow_tasks__task__in=RegionCoordinatorsTask.objects.filter(active=True),
        )
        .order_by("pk")
        .first()
    )
    if workflow is not None:
        WorkflowPage.objects.get_or_create(page=instance, defaults={"workflow": workflow})


def connect_signals():
    # Wagtail e-mails a submitted page to the groups of a group-approval
    # task; the regional review tells the coordinators of the page's region.
    task_submitted.connect(
        tell_coordinators, sender=TaskState, dispatch_uid="home-region-coordinators-submitted"
    )
    from notifications.targets import register_target

    register_target(TaskState, present_reviews)
