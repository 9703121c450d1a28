"""The coordinators' side of partnership brokerage, in the admin:

- the warm introductions members asked for, in a dashboard panel and on
  a page where the coordinator records the introduction (date and note),
  which tells the member and the company's managers;
- the outcomes of expressions of interest, counted per region and per
  month (of the expression), on a report page and as a CSV file.

A region's coordinators see and introduce in their regions only; the head
office's Coordinators and superusers in every region
(partnerships/contact_rights.py). Everything else is refused.
"""

import csv

from django.contrib import messages
from django.db import transaction
from django.db.models import Count, Q, Window
from django.db.models.functions import TruncMonth
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.components import Component
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from editorial.dashboard import admin_language, named_regions
from home.admin_menu import MenuItemFor
from partnerships import contact_notices
from partnerships.contact_choices import OUTCOMES, Status
from partnerships.contact_forms import IntroductionForm
from partnerships.contact_rights import (
    coordinated_region_slugs,
    introduces_somewhere,
    may_introduce,
)
from partnerships.models import Interest
from rusmeco_events.viewsets import spreadsheet_safe

# Requests listed in the dashboard panel; the count covers the rest.
PANEL_ROWS = 5


def waiting_introductions(user):
    """Open expressions whose member asked for an introduction not yet
    made, in the regions `user` sees, oldest request first."""
    return (
        Interest.objects.open()
        .filter(introduction_requested_at__isnull=False, introduced_on__isnull=True)
        .in_regions(coordinated_region_slugs(user))
        .select_related("member", "company", "region")
        .order_by("introduction_requested_at", "pk")
    )


class CoordinatorsOnlyMixin:
    def dispatch(self, request, *args, **kwargs):
        if not introduces_somewhere(request.user):
            return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)


class IntroductionsView(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Introductions asked for")
    header_icon = "group"
    template_name = "partnerships/contacts_admin_introductions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["interests"] = list(waiting_introductions(self.request.user)[:200])
        return context


class RecordIntroductionView(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Record an introduction")
    header_icon = "group"
    template_name = "partnerships/contacts_admin_introduce.html"

    def dispatch(self, request, *args, **kwargs):
        if introduces_somewhere(request.user):
            self.interest = (
                Interest.objects.filter(introduction_requested_at__isnull=False)
                .select_related("member", "company", "region")
                .filter(pk=kwargs["interest_id"])
                .first()
            )
            if self.interest is None:
                raise Http404
            if not may_introduce(request.user, self.interest):
                return permission_denied(request)
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["interest"] = self.interest
        context.setdefault(
            "form", IntroductionForm(initial={"introduced_on": timezone.localdate()})
        )
        return context

    def post(self, request, *args, **kwargs):
        interest = self.interest
        done = reverse("partnerships_introductions")
        if interest.introduced_on is not None or not interest.is_open:
            messages.error(
                request, _("This introduction was already recorded or the expression is closed.")
            )
            return redirect(done)
        form = IntroductionForm(request.POST)
        if not form.is_valid():
            response = self.render_to_response(self.get_context_data(form=form))
            response.status_code = 400
            return response
        with transaction.atomic():
            updated = (
                Interest.objects.open()
                .filter(pk=interest.pk, introduced_on__isnull=True)
                .update(
                    introduced_on=form.cleaned_data["introduced_on"],
                    introduced_by=request.user,
                    introduction_note=form.cleaned_data["note"],
                    last_activity_at=timezone.now(),
                )
            )
            if updated:
                contact_notices.introduced(interest, request.user)
        if updated:
            messages.success(
                request,
                _("The introduction has been recorded; the member and the company are told."),
            )
        return redirect(done)


# --- outcomes -------------------------------------------------------------------------


def outcome_counts(user):
    """[{"region", "month", "sent", "open", <outcome>…, "introduced"}] for
    the regions `user` sees, by region and month of sending: one query for
    the counts and one for the regions' names."""
    counts = {"sent": Count("pk"), "open": Count("pk", filter=Q(status=Status.OPEN))}
    for outcome in OUTCOMES:
        counts[outcome.value] = Count("pk", filter=Q(status=outcome))
    counts["introduced"] = Count("pk", filter=Q(introduced_on__isnull=False))
    rows = list(
        Interest.objects.in_regions(coordinated_region_slugs(user))
        .filter(region__isnull=False)
        .annotate(month=TruncMonth("created_at"))
        .order_by()
        .values("region__slug", "month")
        .annotate(**counts)
        .order_by("-month", "region__slug")
    )
    names = {
        region.slug: region.name
        for region in named_regions(sorted({row["region__slug"] for row in rows}), admin_language())
    }
    for row in rows:
        row["region"] = names.get(row["region__slug"], row["region__slug"])
    return rows


def _columns():
    return [
        ("sent", _("Sent")),
        ("open", _("Open")),
        *[(outcome.value, outcome.label) for outcome in OUTCOMES],
        ("introduced", _("Introduced")),
    ]


class OutcomesView(CoordinatorsOnlyMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Partnership outcomes")
    header_icon = "table"
    template_name = "partnerships/contacts_admin_outcomes.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        columns = _columns()
        context["columns"] = [label for _key, label in columns]
        context["rows"] = [
            {
                "region": row["region"],
                "month": formats.date_format(row["month"], "YEAR_MONTH_FORMAT"),
                "cells": [row[key] for key, _label in columns],
            }
            for row in outcome_counts(self.request.user)
        ]
        return context


def outcomes_csv(request):
    if not introduces_somewhere(request.user):
        return permission_denied(request)
    columns = _columns()
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="partnership-outcomes.csv"'
    writer = csv.writer(response)
    writer.writerow([_("Region"), _("Month")] + [str(label) for _key, label in columns])
    for row in outcome_counts(request.user):
        writer.writerow(
            [spreadsheet_safe(row["region"]), row["month"].strftime("%Y-%m")]
            + [row[key] for key, _label in columns]
        )
    return response


# --- the dashboard panel --------------------------------------------------------------


class IntroductionsPanel(Component):
    name = "partnership_introductions"
    template_name = "partnerships/contacts_admin_panel.html"
    # Below the coordinators' panel (150), above Wagtail's own (220).
    order = 160

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context=None):
        # The first rows and the total in one query.
        rows = list(
            waiting_introductions(self.user).annotate(total=Window(Count("pk")))[:PANEL_ROWS]
        )
        return {
            "count": rows[0].total if rows else 0,
            "rows": rows,
            "list_url": reverse("partnerships_introductions"),
            "outcomes_url": reverse("partnerships_outcomes"),
        }


def dashboard_panel(request, panels):
    if introduces_somewhere(request.user):
        panels.append(IntroductionsPanel(request.user))


def admin_urls():
    return [
        path(
            "partnerships/introductions/",
            IntroductionsView.as_view(),
            name="partnerships_introductions",
        ),
        path(
            "partnerships/introductions/<int:interest_id>/",
            RecordIntroductionView.as_view(),
            name="partnerships_introduce",
        ),
        path("partnerships/outcomes/", OutcomesView.as_view(), name="partnerships_outcomes"),
        path("partnerships/outcomes/csv/", outcomes_csv, name="partnerships_outcomes_csv"),
    ]


def introductions_menu_item():
    return MenuItemFor(
        _("Introductions"),
        reverse("partnerships_introductions"),
        shown_to=introduces_somewhere,
        name="partnership-introductions",
        icon_name="group",
        order=370,
    )


def outcomes_menu_item():
    return MenuItemFor(
        _("Partnership outcomes"),
        reverse("partnerships_outcomes"),
        shown_to=introduces_somewhere,
        name="partnership-outcomes",
        icon_name="table",
        order=1320,
    )
