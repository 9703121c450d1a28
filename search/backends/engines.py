"""What the portal adds to Wagtail's Elasticsearch and OpenSearch backends.

- Analysis: one analyzer, `portal_text`, for every full-text field of the
  index: the standard tokenizer, lower case, "ё" read as "е", then the
  Russian and English Snowball stemmers in turn (each leaves the other
  language's words alone), so both languages' word forms match. It is set
  on each text field of the mapping explicitly, not as the index default,
  so it applies wherever the mapping is put.
- Facets: each page document carries `_portal_facets`, a keyword field of
  "name:value" strings ("type:library.articlepage", "theme:ipr",
  "region:moscow", "year:2006"), counted with one terms aggregation.
- Search records: written to the database as pages are indexed, as the
  database backends do (search/records.py).
"""

from wagtail.models import Page

from search.facets import facet_values
from search.records import store_records

ANALYZER = "portal_text"
FACETS_FIELD = "_portal_facets"
FACET_BUCKETS = 500

INDEX_SETTINGS = {
    "settings": {
        "analysis": {
            "char_filter": {
                "portal_yo": {"type": "mapping", "mappings": ["ё => е", "Ё => Е"]},
            },
            "filter": {
                "portal_russian_stemmer": {"type": "stemmer", "language": "russian"},
                "portal_english_stemmer": {"type": "stemmer", "language": "english"},
            },
            "analyzer": {
                ANALYZER: {
                    "type": "custom",
                    "tokenizer": "standard",
                    "char_filter": ["portal_yo"],
                    "filter": ["lowercase", "portal_russian_stemmer", "portal_english_stemmer"],
                },
            },
        }
    }
}


def _analyze_text_fields(properties):
    for mapping in properties.values():
        if mapping.get("type") == "text" and "analyzer" not in mapping:
            mapping["analyzer"] = ANALYZER
        if "properties" in mapping:
            _analyze_text_fields(mapping["properties"])


class PortalMappingMixin:
    def get_mapping(self):
        mapping = super().get_mapping()
        _analyze_text_fields(mapping["properties"])
        if issubclass(self.model, Page):
            mapping["properties"][FACETS_FIELD] = {"type": "keyword"}
        return mapping

    def get_document(self, obj):
        document = super().get_document(obj)
        if isinstance(obj, Page):
            document[FACETS_FIELD] = [f"{name}:{value}" for name, value in facet_values(obj)]
        return document


class PortalIndexMixin:
    def add_item(self, item):
        store_records(type(item), [item])
        super().add_item(item)

    def add_items(self, model, items):
        items = list(items)
        store_records(model, items)
        super().add_items(model, items)


class PortalResultsMixin:
    def facet_counts(self, limit=None):
        """{facet name: {value: number of matching pages}} from one
        terms aggregation over the query's matches. The engine counts all
        of them as fast as a few (`limit`, which bounds the database
        backends' counts, is not needed here)."""
        body = self._get_es_body(for_count=True)
        body["aggregations"] = {
            FACETS_FIELD: {"terms": {"field": FACETS_FIELD, "size": FACET_BUCKETS}}
        }
        index = self.backend.get_index_for_model(self.query_compiler.queryset.model).name
        response = self._backend_do_search(body, index=index, size=0)
        counts = {}
        for bucket in response["aggregations"][FACETS_FIELD]["buckets"]:
            name, _sep, value = str(bucket["key"]).partition(":")
            counts.setdefault(name, {})[value] = bucket["doc_count"]
        return counts


def with_portal_settings(settings):
    """The backend's index settings with the portal's analysis added."""
    from copy import deepcopy

    from modelsearch.utils import deep_update

    return deep_update(deepcopy(settings), INDEX_SETTINGS)
