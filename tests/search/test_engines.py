"""The scale-out engines: OPENSEARCH_URL / ELASTICSEARCH_URL select them,
with Russian and English analysis in the index settings and mapping; and a
smoke test against osmem-server, an in-memory imitation of OpenSearch (not
OpenSearch itself), started on 127.0.0.1 for the test."""

import datetime
import importlib

import pytest
from django.core.management import call_command
from django.utils import timezone
from osmem_server import OsmemServer
from wagtail.models import PageViewRestriction

from blogs.choices import PostStatus
from blogs.models import BlogPost
from forums.choices import Visibility
from forums.models import Topic
from home.models import StandardPage
from search.backends.elasticsearch import PortalElasticsearchSearchBackend
from search.backends.opensearch import PortalOpenSearchSearchBackend
from tests.factories import (
    BlogPostFactory,
    ForumPostFactory,
    ForumTopicFactory,
    MemberFactory,
    translate,
)

ENGINES = [PortalElasticsearchSearchBackend, PortalOpenSearchSearchBackend]


def backend_settings(monkeypatch, **environment):
    import portal.settings.base as base

    for name in ("OPENSEARCH_URL", "ELASTICSEARCH_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    try:
        return importlib.reload(base).WAGTAILSEARCH_BACKENDS["default"]
    finally:
        monkeypatch.undo()
        importlib.reload(base)


def test_the_database_backend_is_the_default(monkeypatch):
    assert backend_settings(monkeypatch) == {"BACKEND": "search.backends.database"}


@pytest.mark.parametrize(
    ("variable", "backend"),
    [
        ("ELASTICSEARCH_URL", "search.backends.elasticsearch"),
        ("OPENSEARCH_URL", "search.backends.opensearch"),
    ],
)
def test_an_engine_url_switches_to_that_engine(monkeypatch, variable, backend):
    config = backend_settings(
        monkeypatch,
        **{variable: "https://user:secret@search-1.example:9200,https://search-2.example:9200"},
    )

    assert config["BACKEND"] == backend
    assert config["URLS"] == [
        "https://user:secret@search-1.example:9200",
        "https://search-2.example:9200",
    ]
    assert config["INDEX_PREFIX"] == "rusmeco_"


@pytest.mark.parametrize("engine", ENGINES)
def test_index_settings_analyse_russian_and_english(engine):
    analysis = engine({"URLS": ["http://127.0.0.1:9"]}).settings["settings"]["analysis"]

    analyzer = analysis["analyzer"]["portal_text"]
    assert analyzer["tokenizer"] == "standard"
    assert analyzer["filter"] == ["lowercase", "portal_russian_stemmer", "portal_english_stemmer"]
    assert analysis["filter"]["portal_russian_stemmer"] == {
        "type": "stemmer",
        "language": "russian",
    }
    assert analysis["filter"]["portal_english_stemmer"] == {
        "type": "stemmer",
        "language": "english",
    }
    assert analysis["char_filter"]["portal_yo"]["mappings"] == ["ё => е", "Ё => Е"]
    # Wagtail's own autocomplete analysers stay
    assert "edgengram_analyzer" in analysis["analyzer"]


@pytest.mark.parametrize("engine", ENGINES)
def test_page_mapping_uses_the_analyser_and_carries_the_facets(engine):
    mapping = engine.mapping_class(StandardPage).get_mapping()["properties"]

    assert mapping["title"] == {
        "type": "text",
        "copy_to": ["_all_text", "_all_text_boost_2_0"],
        "analyzer": "portal_text",
    }
    assert mapping["home_standardpage__intro"]["analyzer"] == "portal_text"
    assert mapping["_all_text"] == {"type": "text", "analyzer": "portal_text"}
    assert mapping["_edgengrams"]["analyzer"] == "edgengram_analyzer"
    assert mapping["_portal_facets"] == {"type": "keyword"}


@pytest.mark.django_db
@pytest.mark.parametrize("engine", ENGINES)
def test_page_document_carries_its_facets(engine, make_page, regions):
    page = make_page("p", "Инновации", region=regions["moscow"])

    document = engine.mapping_class(StandardPage).get_document(page)

    assert "type:home.standardpage" in document["_portal_facets"]
    assert "region:moscow" in document["_portal_facets"]


@pytest.mark.parametrize("engine", ENGINES)
def test_topics_and_blog_posts_are_analysed_like_pages(engine):
    topic = engine.mapping_class(Topic).get_mapping()["properties"]
    post = engine.mapping_class(BlogPost).get_mapping()["properties"]

    assert topic["title"]["analyzer"] == "portal_text"
    assert topic["public_text"]["analyzer"] == "portal_text"
    assert post["body"]["analyzer"] == "portal_text"
    assert "_portal_facets" not in topic


@pytest.fixture(scope="module")
def osmem():
    server = OsmemServer.start(japanese=False, addr="127.0.0.1:0", startup_timeout=30)
    try:
        yield server
    finally:
        server.close(grace=5)


@pytest.fixture
def opensearch(osmem, settings, request):
    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": "search.backends.opensearch",
            "URLS": [osmem.url],
            "INDEX_PREFIX": f"test_{request.node.name.lower()[:40]}_",
            "TIMEOUT": 10,
        }
    }


@pytest.mark.django_db
def test_update_index_and_search_through_opensearch(
    client, opensearch, make_page, regions, home_en
):
    page = make_page("ipr", "Управление интеллектуальной собственностью", region=regions["moscow"])
    make_page("other", "Маркетинг")
    translate(page, title="Managing intellectual property")
    call_command("update_index", verbosity=0)

    russian = client.get("/ru/search/", {"q": "интеллектуальная собственность"})
    english = client.get("/en/search/", {"q": "manage properties"})
    narrowed = client.get("/ru/search/", {"q": "интеллектуальная", "region": "ekaterinburg"})
    suggestions = client.get("/ru/search/suggest/", {"q": "управ"}).json()

    assert [item.url for item in russian.context["outcome"].items] == ["/ru/ipr/"]
    assert "<mark>интеллектуальной</mark>" in russian.text
    regions_facet = next(g for g in russian.context["outcome"].facets if g.name == "region")
    assert [(option.value, option.count) for option in regions_facet.options] == [("moscow", 1)]
    assert [item.url for item in english.context["outcome"].items] == ["/en/ipr/"]
    assert narrowed.context["outcome"].count == 0
    assert suggestions["results"][0]["url"] == "/ru/ipr/"


@pytest.mark.django_db
def test_publishing_indexes_the_page_in_opensearch(client, opensearch, make_page):
    call_command("update_index", verbosity=0)
    make_page("new", "Венчурные фонды")

    response = client.get("/ru/search/", {"q": "венчурный фонд"})

    assert [item.url for item in response.context["outcome"].items] == ["/ru/new/"]


@pytest.mark.django_db
def test_opensearch_finds_only_pages_a_visitor_may_see(client, opensearch, make_page):
    public = make_page("public", "Венчурные фонды")
    draft = make_page("draft", "Венчурные фонды: черновик")
    draft.unpublish()
    private = make_page("private", "Венчурные фонды для своих")
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    inside = make_page("inside", "Венчурные фонды внутри", parent=private)
    expired = make_page("expired", "Венчурные фонды прошлых лет")
    expired.expire_at = timezone.now() - datetime.timedelta(hours=1)
    expired.save()
    call_command("update_index", verbosity=0)

    response = client.get("/ru/search/", {"q": "венчурный фонд"})
    suggestions = client.get("/ru/search/suggest/", {"q": "венчурн"}).json()

    assert [item.url for item in response.context["outcome"].items] == [public.url]
    assert response.context["outcome"].count == 1
    assert [result["url"] for result in suggestions["results"]] == [public.url]
    assert {draft.url, private.url, inside.url, expired.url}.isdisjoint(
        {item.url for item in response.context["outcome"].items}
    )


@pytest.mark.django_db
def test_opensearch_finds_only_public_topics_and_published_blog_posts(
    client, opensearch, board_ru, blogs_ru
):
    topic = ForumTopicFactory(board=board_ru, title="Венчурные фонды", first_post="Вопрос.")
    ForumPostFactory(topic=topic, body="Акселераторы при университетах.")
    hidden_reply = ForumPostFactory(topic=topic, body="Секретные инкубаторы.")
    ForumTopicFactory(board=board_ru, title="Венчурные фонды: скрыто", visibility="hidden")
    post = BlogPostFactory(title="Венчурные фонды и гранты")
    BlogPostFactory(title="Венчурные фонды: черновик", status=PostStatus.DRAFT, published_at=None)
    BlogPostFactory(title="Венчурные фонды ушедшего", author=MemberFactory(is_active=False))
    call_command("update_index", verbosity=0)
    hidden_reply.visibility = Visibility.HIDDEN
    hidden_reply.save()

    response = client.get("/ru/search/", {"q": "венчурный фонд"})
    forum = client.get("/ru/search/", {"q": "венчурный фонд", "type": "forums.topic"})
    by_post = client.get("/ru/search/", {"q": "акселератор"})
    hidden = client.get("/ru/search/", {"q": "инкубатор"})

    urls = [item.url for item in response.context["outcome"].items]
    assert urls == [
        f"/ru/blogs/{post.author_id}/{post.slug}/",
        f"{board_ru.url}t/{topic.pk}/",
    ]
    type_facet = next(g for g in response.context["outcome"].facets if g.name == "type")
    assert [(option.value, option.count) for option in type_facet.options] == [
        ("blogs.blogpost", 1),
        ("forums.topic", 1),
    ]
    assert [item.url for item in forum.context["outcome"].items] == [urls[1]]
    assert [item.url for item in by_post.context["outcome"].items] == [urls[1]]
    assert hidden.context["outcome"].count == 0


@pytest.mark.database_independent
def test_the_opensearch_client_imports_beside_the_events_app():
    """opensearch-py imports the PyPI package `events`; the portal's events
    app lives in `rusmeco_events`, so both import in either order."""
    import subprocess
    import sys

    script = (
        "import opensearchpy, events, django, os;"
        "os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'portal.settings.test');"
        "django.setup();"
        "import rusmeco_events.models;"
        "from search.backends.opensearch import PortalOpenSearchSearchBackend;"
        "print(events.Events.__module__, rusmeco_events.models.EventPage._meta.app_label)"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["events.events", "events"]
