"""OpenSearch 3 with Russian and English analysis (search/backends/engines.py).

Chosen when OPENSEARCH_URL is set; `manage.py update_index` builds the index.
"""

import importlib

from search.backends.engines import (
    PortalIndexMixin,
    PortalMappingMixin,
    PortalResultsMixin,
    with_portal_settings,
)
from search.backends.opensearch_client import import_opensearch_client

import_opensearch_client()
wagtail_os = importlib.import_module("modelsearch.backends.opensearch3")


class PortalOpenSearchMapping(PortalMappingMixin, wagtail_os.OpenSearch3Mapping):
    pass


class PortalOpenSearchIndex(PortalIndexMixin, wagtail_os.OpenSearch3Index):
    pass


class PortalOpenSearchQueryCompiler(wagtail_os.OpenSearch3SearchQueryCompiler):
    mapping_class = PortalOpenSearchMapping


class PortalOpenSearchAutocompleteQueryCompiler(wagtail_os.OpenSearch3AutocompleteQueryCompiler):
    mapping_class = PortalOpenSearchMapping


class PortalOpenSearchResults(PortalResultsMixin, wagtail_os.OpenSearch3SearchResults):
    pass


class PortalOpenSearchSearchBackend(wagtail_os.OpenSearch3SearchBackend):
    mapping_class = PortalOpenSearchMapping
    index_class = PortalOpenSearchIndex
    query_compiler_class = PortalOpenSearchQueryCompiler
    autocomplete_query_compiler_class = PortalOpenSearchAutocompleteQueryCompiler
    results_class = PortalOpenSearchResults
    settings = with_portal_settings(wagtail_os.OpenSearch3SearchBackend.settings)


SearchBackend = PortalOpenSearchSearchBackend
