"""Signal handlers of the library, connected in LibraryConfig.ready()."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Workflow, WorkflowPage

from home.workflows import RegionCoordinatorsTask


def assign_regional_review(sender, instance, created, raw=False, **kwargs):
    """A new library (in any language) sends what editors submit under it
    to the "Regional review" workflow (home 0006), so case studies and
    articles are approved by the coordinators of their region."""
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


def connect():
    from home.models import Region, Topic
    from library.caching import forget_taxonomies
    from library.models import LibraryIndexPage

    post_save.connect(
        assign_regional_review, sender=LibraryIndexPage, dispatch_uid="library-regional-review"
    )
    for model in (Topic, Region):
        for signal in (post_save, post_delete):
            signal.connect(
                forget_taxonomies,
                sender=model,
                dispatch_uid=f"library-taxonomy-{signal is post_save}-{model.__name__}",
            )
