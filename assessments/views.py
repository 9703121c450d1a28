"""What the routes of an assessment page do: the form, the result of the
answers just given (kept in the session, so visitors see it too), saving it
for a member, a member's saved results and each of them with the peer
benchmark and the progress since the result before.

The views import no model of this app: they take their data from the page
(`page.results_of(user)`, `page.peer_scores(...)`, `page.recommendations(...)`).
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.cache import add_never_cache_headers, patch_cache_control
from django.utils.translation import gettext as _

from assessments.forms import AnswersForm
from assessments.radar import Series, radar_svg
from assessments.scoring import MIN_GROUP, averages, band, score, weakest
from community.choices import Sector
from home.terms import terms_of_locale


def _session_key(page):
    return f"assessment:{page.translation_key}"


def _private(response):
    """Results are nobody else's: never kept by a shared cache."""
    add_never_cache_headers(response)
    patch_cache_control(response, private=True)
    return response


def take(page, request):
    dimensions = page.dimension_list()
    options = {"dimensions": dimensions, "assessment_key": page.translation_key}
    if request.method == "POST":
        form = AnswersForm(request.POST, **options)
        if form.is_valid():
            request.session[_session_key(page)] = {
                "scores": score(dimensions, form.answers()),
                "at": timezone.now().isoformat(),
            }
            return redirect(page.url_of("result", request=request))
        messages.error(request, _("Your answers could not be scored. Please see below."))
        status = 400
    else:
        form = AnswersForm(**options)
        status = 200
    response = page.render(
        request,
        template="assessments/assessment_page.html",
        context_overrides={"form": form},
    )
    response.status_code = status
    return response


def _known(page, scores):
    """Only the scores of dimensions the assessment still has."""
    ids = {dimension.id for dimension in page.dimension_list()}
    return {key: value for key, value in (scores or {}).items() if key in ids}


def session_result(page, request):
    taken = request.session.get(_session_key(page))
    scores = _known(page, taken and taken.get("scores"))
    if not scores:
        messages.info(request, _("Answer the questions to see your result."))
        return redirect(page.url_of("index", request=request))
    previous = None
    if request.user.is_authenticated:
        previous = page.results_of(request.user).first()
    context = result_context(page, scores, previous=previous)
    context["unsaved"] = True
    return _private(
        page.render(request, template="assessments/result.html", context_overrides=context)
    )


def save(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(page.url_of("result", request=request))
    if request.method != "POST":
        return redirect(page.url_of("result", request=request))
    taken = request.session.get(_session_key(page))
    scores = _known(page, taken and taken.get("scores"))
    if not scores:
        messages.error(request, _("There is no result to save: please answer the questions first."))
        return redirect(page.url_of("index", request=request))
    result = page.save_result(request.user, scores)
    request.session.pop(_session_key(page), None)
    messages.success(request, _("Your result is saved. Only you can see it."))
    return redirect(page.url_of("saved", result.pk, request=request))


def my_results(page, request):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    results = list(page.results_of(request.user)[:50])
    dimensions = page.dimension_list()
    for result in results:
        known = _known(page, result.scores)
        result.mean = round(sum(known.values()) / len(known)) if known else None
        result.url = page.url_of("saved", result.pk, request=request)
    return _private(
        page.render(
            request,
            template="assessments/my_results.html",
            context_overrides={"results": results, "dimensions": dimensions},
        )
    )


def saved_result(page, request, result_id):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    # The result and the one before it, in one query.
    result, previous = page.result_and_previous(request.user, result_id)
    if result is None:
        raise Http404("No such result.")
    context = result_context(page, _known(page, result.scores), previous=previous)
    context["saved"] = result
    context["benchmark"] = benchmark(page, result, context["rows"])
    return _private(
        page.render(request, template="assessments/result.html", context_overrides=context)
    )


def benchmark(page, result, rows):
    """The average of the other members of the result's region and of its
    sector, each shown only when at least five others answered."""
    terms = terms_of_locale(page.locale_id)
    region = terms.region_of(result)
    region_scores, sector_scores = page.peer_scores(
        result, region.translation_key if region else None
    )
    ids = [row["id"] for row in rows]
    groups = []
    for kind, name, found in (
        ("region", region.name if region else None, region_scores),
        ("sector", Sector(result.sector).label if result.sector else None, sector_scores),
    ):
        if name is None:
            continue
        shown = len(found) >= MIN_GROUP
        means = averages(found, ids) if shown else {}
        groups.append({"kind": kind, "name": name, "shown": shown, "count": len(found)})
        for row in rows:
            row[f"{kind}_average"] = means.get(row["id"])
    return {
        "groups": groups,
        "region_shown": any(g["shown"] for g in groups if g["kind"] == "region"),
        "sector_shown": any(g["shown"] for g in groups if g["kind"] == "sector"),
        "minimum": MIN_GROUP,
    }


def result_context(page, scores, previous=None):
    """The rows of the data table, the radar chart, the advice and the
    recommendations for these scores (and the previous result's)."""
    dimensions = [d for d in page.dimension_list() if d.id in scores]
    before = _known(page, previous.scores) if previous is not None else {}
    rows = []
    for dimension in dimensions:
        value = scores[dimension.id]
        old = before.get(dimension.id)
        rows.append(
            {
                "id": dimension.id,
                "title": dimension.title,
                "score": value,
                "band": band(value),
                "advice": dimension.advice[band(value)],
                "previous": old,
                "change": None if old is None else value - old,
            }
        )
    labels = [row["title"] for row in rows]
    series = []
    if before:
        series.append(
            Series(
                [before.get(row["id"], 0) for row in rows],
                "radar-series--previous",
                _("Previous result"),
            )
        )
    series.append(Series([row["score"] for row in rows], "radar-series--current", _("Your result")))
    description = "; ".join(
        _("%(dimension)s: %(score)s of 100") % {"dimension": row["title"], "score": row["score"]}
        for row in rows
    )
    chart = radar_svg(labels, series, title=_("Your scores per dimension"), description=description)
    weak = weakest(dimensions, scores)
    slugs = sorted({slug for dimension in weak for slug in dimension.theme_slugs})
    return {
        "rows": rows,
        "chart": chart,
        "previous": previous,
        "weakest": weak,
        "recommendations": page.recommendations(slugs),
    }
