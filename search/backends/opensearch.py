"""OpenSearch 3 with Russian and English analysis (search/backends/engines.py).

Chosen when OPENSEARCH_URL is set; `manage.py update_index` builds the index.
"""

from modelsearch.backends import opensearch3 as wagtail_os

from search.backends.engines import (
    PortalIndexMixin,
    PortalMappingMixin,
    PortalResultsMixin,
    with_portal_settings,
)


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
