"""Links of the search page's facets: each choice keeps the query, the
language switch and the other facets."""

from django import template
from django.utils.http import urlencode

register = template.Library()


@register.filter
def query_string(pairs):
    """?q=…&type=… from a list of (name, value) pairs."""
    return "?" + urlencode(pairs)
