"""The site search page: live, public pages of the current language."""

import logging
import re

from django.core.paginator import Paginator
from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext as _
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Locale, Page

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
NOT_A_WORD = re.compile(r"[^\w\s]|_")


def clean_query(raw):
    """Words only: punctuation and operator syntax (quotes, brackets, a
    lone minus, AND/OR/NOT) mean nothing to visitors and would break the
    full-text engine. Cut to MAX_QUERY_LENGTH characters first."""
    words = NOT_A_WORD.sub(" ", raw[:MAX_QUERY_LENGTH]).lower().split()
    return " ".join(words)


def search(request):
    typed = request.GET.get("q", "").strip()[:MAX_QUERY_LENGTH]
    query = clean_query(typed)
    results = Page.objects.none()
    error = None
    if query:
        pages = Page.objects.live().public().filter(locale=Locale.get_active())
        results = pages.search(query)
    paginator = Paginator(results, RESULTS_PER_PAGE)
    try:
        page_of_results = paginator.get_page(request.GET.get("page"))
        if query:
            Query.get(query).add_hit()
    except DatabaseError:
        logger.exception("Search failed for %r", query)
        error = _("Search is not available at the moment. Please try again later.")
        page_of_results = Paginator(Page.objects.none(), RESULTS_PER_PAGE).get_page(1)
    return render(
        request,
        "search/search.html",
        {"search_query": typed, "search_results": page_of_results, "search_error": error},
    )
