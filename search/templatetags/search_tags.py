"""Links of the search page: facet choices and pages of results keep the
query, the language switch and the other facets."""

from django import template
from django.utils.http import urlencode

register = template.Library()


@register.filter
def query_string(pairs):
    """?q=…&type=… from a list of (name, value) pairs."""
    return "?" + urlencode(pairs)


@register.simple_tag
def results_page_url(params, number):
    pairs = params.querystring()
    if number != 1:
        pairs.append(("page", number))
    return "?" + urlencode(pairs)
