"""The search page and the autocomplete endpoint of the header's search box."""

from django.http import JsonResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from search import params as search_params
from search import service


@require_GET
def search(request):
    params = search_params.parse(request.GET)
    outcome = service.run(params, request)
    return render(
        request,
        "search/search.html",
        {
            "search_query": params.typed,
            "params": params,
            "outcome": outcome,
            "max_query_length": search_params.MAX_QUERY_LENGTH,
        },
    )


@require_GET
def suggest(request):
    """{"results": [{"title", "url"}]}: titles that match what has been typed."""
    typed = str(request.GET.get("q", ""))[: search_params.MAX_QUERY_LENGTH]
    try:
        results = service.suggestions(typed, request)
    except Exception:
        service.logger.exception("Autocomplete failed for %r", typed)
        results = []
    return JsonResponse({"results": results})
