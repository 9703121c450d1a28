"""The failed background tasks report in the admin (Reports → Failed
background tasks): the tasks the database queue kept as failed, newest
first, with what they were, when they failed, how many times they were
tried and why (the exception and its traceback). Read-only; superusers
only, since a task's arguments may hold anybody's e-mail.

A task that is tried again later (home/tasks.py) is listed once, when it
gives up.
"""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from django_tasks_db.models import DBTaskResult
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from home.admin_menu import MenuItemFor

DETAILS_LENGTH = 200


def attempts(result):
    """How many times the task was tried: its `attempt` argument when it
    retries (home/tasks.py), otherwise the runs of this one row."""
    return result.args_kwargs.get("kwargs", {}).get("attempt") or len(result.worker_ids) or 1


def details(result):
    """What the task was about: an e-mail's subject and recipients, or the
    start of any other task's arguments."""
    arguments = result.args_kwargs
    message = arguments.get("kwargs", {}).get("message") or (arguments.get("args") or [None])[0]
    if isinstance(message, dict) and "subject" in message and "to" in message:
        return f"{message['subject']} → {', '.join(message['to'])}"
    text = str(arguments)
    return text if len(text) <= DETAILS_LENGTH else text[: DETAILS_LENGTH - 1] + "…"


def reason(result):
    """The exception's last line: its class and message."""
    lines = [line for line in result.traceback.strip().splitlines() if line.strip()]
    return lines[-1] if lines else result.exception_class_path


class ReasonColumn(Column):
    """The reason, with the whole traceback folded under it."""

    cell_template_name = "home/admin/failed_task_reason_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["traceback"] = instance.traceback
        return context


class FailedTasksReportView(ReportView):
    page_title = _("Failed background tasks")
    header_icon = "warning"
    index_url_name = "failed_tasks_report"
    index_results_url_name = "failed_tasks_report_results"
    paginate_by = 50
    columns = [
        Column("task_name", label=_("Task")),
        Column("details", label=_("Details"), accessor=details),
        DateColumn("finished_at", label=_("Failed")),
        Column("attempts", label=_("Attempts"), accessor=attempts),
        ReasonColumn("reason", label=_("Reason"), accessor=reason),
    ]

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return DBTaskResult.objects.failed().order_by("-finished_at", "-enqueued_at")


def admin_urls():
    return [
        path("reports/failed-tasks/", FailedTasksReportView.as_view(), name="failed_tasks_report"),
        path(
            "reports/failed-tasks/results/",
            FailedTasksReportView.as_view(results_only=True),
            name="failed_tasks_report_results",
        ),
    ]


def menu_item():
    return MenuItemFor(
        _("Failed background tasks"),
        reverse("failed_tasks_report"),
        shown_to=lambda user: user.is_superuser,
        name="failed-tasks",
        icon_name="warning",
        order=1300,
    )
