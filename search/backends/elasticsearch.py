"""Elasticsearch 9 with Russian and English analysis (search/backends/engines.py).

Chosen when ELASTICSEARCH_URL is set; `manage.py update_index` builds the index.
"""

from modelsearch.backends import elasticsearch9 as wagtail_es

from search.backends.engines import (
    PortalIndexMixin,
    PortalMappingMixin,
    PortalResultsMixin,
    with_portal_settings,
)


class PortalElasticsearchMapping(PortalMappingMixin, wagtail_es.Elasticsearch9Mapping):
    pass


class PortalElasticsearchIndex(PortalIndexMixin, wagtail_es.Elasticsearch9Index):
    pass


class PortalElasticsearchQueryCompiler(wagtail_es.Elasticsearch9SearchQueryCompiler):
    mapping_class = PortalElasticsearchMapping


class PortalElasticsearchAutocompleteQueryCompiler(
    wagtail_es.Elasticsearch9AutocompleteQueryCompiler
):
    mapping_class = PortalElasticsearchMapping


class PortalElasticsearchResults(PortalResultsMixin, wagtail_es.Elasticsearch9SearchResults):
    pass


class PortalElasticsearchSearchBackend(wagtail_es.Elasticsearch9SearchBackend):
    mapping_class = PortalElasticsearchMapping
    index_class = PortalElasticsearchIndex
    query_compiler_class = PortalElasticsearchQueryCompiler
    autocomplete_query_compiler_class = PortalElasticsearchAutocompleteQueryCompiler
    results_class = PortalElasticsearchResults
    settings = with_portal_settings(wagtail_es.Elasticsearch9SearchBackend.settings)


SearchBackend = PortalElasticsearchSearchBackend
