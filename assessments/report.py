"""The coordinators' report in the admin (Reports → Self-assessment
figures): the average score per dimension of each region and each sector,
over each member's latest saved result. No member's own result is ever
shown, and a group of fewer than five respondents is hidden: its figures
would point at a few companies.

The head office (the Coordinators group, with the
`assessments.view_all_aggregates` permission) and superusers see every
region; a region's coordinators see only their regions (home/region_roles.py's
`user_coordinates`),
and the sectors within them. Anyone else is refused.
"""

from django.conf import settings
from django.shortcuts import render
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.auth import permission_denied

from assessments.models import AssessmentPage, AssessmentResult
from assessments.scoring import MIN_GROUP, averages
from community.choices import Sector
from home.access import has_permission
from home.admin_menu import MenuItemFor
from home.region_roles import user_coordinates
from home.terms import terms_of_language

PERMISSION = "assessments.view_all_aggregates"


def visible_region_keys(user):
    """None for every region, else the translation keys of the regions the
    user coordinates (an empty set: none). From the cached groups and
    terms: the menu asks on every admin page without a query."""
    if has_permission(user, PERMISSION):
        return None
    return {
        region.translation_key
        for code, _name in settings.LANGUAGES
        for region in terms_of_language(code).regions
        if user_coordinates(user, region)
    }


def may_see_report(user):
    keys = visible_region_keys(user)
    return keys is None or bool(keys)


def _groups(rows, key_of, name_of, dimension_ids):
    found = {}
    for row in rows:
        key = key_of(row)
        if key:
            found.setdefault(key, []).append(row["scores"])
    groups = []
    for key, scores in found.items():
        shown = len(scores) >= MIN_GROUP
        means = averages(scores, dimension_ids) if shown else {}
        groups.append(
            {
                "name": name_of(key),
                "count": len(scores),
                "shown": shown,
                "averages": [means.get(i) for i in dimension_ids],
            }
        )
    return sorted(groups, key=lambda group: str(group["name"]))


def report_view(request):
    keys = visible_region_keys(request.user)
    if keys is not None and not keys:
        return permission_denied(request)
    assessments = list(
        AssessmentPage.objects.filter(locale__language_code=request.LANGUAGE_CODE).order_by("path")
    ) or list(AssessmentPage.objects.order_by("path"))
    chosen = next(
        (a for a in assessments if str(a.translation_key) == request.GET.get("assessment")),
        assessments[0] if assessments else None,
    )
    context = {
        "assessments": assessments,
        "chosen": chosen,
        "minimum": MIN_GROUP,
        "page_title": _("Self-assessment figures"),
    }
    if chosen is not None:
        dimensions = chosen.dimension_list()
        ids = [dimension.id for dimension in dimensions]
        rows = AssessmentResult.objects.latest_per_member(chosen.translation_key)
        if keys is not None:
            rows = rows.filter(region__translation_key__in=keys)
        rows = list(rows.values("scores", "region__translation_key", "sector"))
        terms = terms_of_language()
        names = {region.translation_key: region.name for region in terms.regions}
        context.update(
            {
                "dimensions": dimensions,
                "respondents": len(rows),
                "regions": _groups(
                    rows,
                    lambda row: row["region__translation_key"],
                    lambda key: names.get(key, "—"),
                    ids,
                ),
                "sectors": _groups(
                    rows, lambda row: row["sector"], lambda key: str(Sector(key).label), ids
                ),
            }
        )
    return render(request, "assessments/admin/report.html", context)


def admin_urls():
    return [path("reports/self-assessment/", report_view, name="assessments_report")]


def menu_item():
    return MenuItemFor(
        _("Self-assessment figures"),
        reverse("assessments_report"),
        shown_to=may_see_report,
        name="self-assessment",
        icon_name="table",
        order=1200,
    )
