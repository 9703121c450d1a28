"""An app server starts without the libraries its pages never use: calendar
files (iCalendar) and Markdown are only loaded by the requests that make
them (rusmeco_events/ical.py, home/markdown.py), and Wagtail's v3 API, which
the portal does not serve, is never loaded (portal/wagtail_apps.py;
bench/memory.py measures the workers)."""

import ast
import builtins
import importlib
import inspect
import json
import sys
import textwrap

import pytest
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig

from portal import wagtail_apps
from tests.helpers import run_python

PRODUCTION_ENV = {
    "SECRET_KEY": "x7!q-production-like-secret-key-for-the-app-start-up-0123456789",
    "ALLOWED_HOSTS": "portal.rusmeco.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://portal.rusmeco.example",
}


@pytest.mark.database_independent
def test_an_app_server_starts_without_modules_its_pages_never_use():
    """What a gunicorn worker has loaded once the portal and its URLs are
    ready: calendar files and Markdown are made on their own requests."""
    code = (
        "import json, sys; from portal.wsgi import application; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print(json.dumps(sorted(sys.modules)))"
    )
    result = run_python(code, "portal.settings.production", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    modules = json.loads(result.stdout.splitlines()[-1])
    loaded = {name.split(".")[0] for name in modules}
    assert {"django", "wagtail", "wagtail.images", "wagtail.admin.urls"} <= loaded | set(modules)
    assert not loaded & {"icalendar", "markdown_it", "ninja"}
    assert not [name for name in modules if name.startswith("wagtail.api.v3")]


# --- Wagtail's app configs without the v3 API --------------------------------
#
# Each of the portal's configs copies Wagtail's ready() up to the API
# registration. The copy must do the same: the same statements, in the same
# order, with every name they use bound to the same object. An upgrade of
# Wagtail that changes one of these methods fails here until the copy follows.

CONFIGS = [
    (wagtail_apps.ImagesConfig, WagtailImagesAppConfig),
    (wagtail_apps.DocumentsConfig, WagtailDocsAppConfig),
    (wagtail_apps.SnippetsConfig, WagtailSnippetsAppConfig),
    (wagtail_apps.RedirectsConfig, WagtailRedirectsAppConfig),
]


def is_api_statement(statement):
    """Part of Wagtail's registration with its v3 API."""
    source = ast.unparse(statement)
    return "api.v3" in source or "register_content_types" in source or "add_router" in source


def ready_statements(config):
    tree = ast.parse(textwrap.dedent(inspect.getsource(config.ready)))
    return tree.body[0].body


def imported_names(statements, module_name):
    """{local name: object} for the imports among `statements`, resolving
    relative imports against the package of `module_name`."""
    package = module_name.rpartition(".")[0]
    bound = {}
    for statement in statements:
        if not isinstance(statement, ast.ImportFrom):
            assert not isinstance(statement, ast.Import), ast.unparse(statement)
            continue
        source = statement.module or ""
        if statement.level:
            source = f"{package}.{source}" if source else package
        module = importlib.import_module(source)
        for alias in statement.names:
            try:
                value = getattr(module, alias.name)
            except AttributeError:
                value = importlib.import_module(f"{source}.{alias.name}")
            bound[alias.asname or alias.name] = value
    return bound


def actions(statements, module_name):
    """What the statements other than imports do: each one's source, and the
    object each name it reads is bound to (by an import in ready(), or in
    the config's module)."""
    imports = imported_names(statements, module_name)
    module = sys.modules[module_name]
    assigned = {
        target.id
        for statement in statements
        if isinstance(statement, ast.Assign)
        for target in statement.targets
    }
    done = []
    for statement in statements:
        if isinstance(statement, ast.ImportFrom | ast.Import):
            continue
        names = {}
        for node in ast.walk(statement):
            if isinstance(node, ast.Name) and node.id not in assigned | {"self"}:
                if node.id in imports:
                    names[node.id] = imports[node.id]
                elif hasattr(module, node.id):
                    names[node.id] = getattr(module, node.id)
                else:
                    names[node.id] = getattr(builtins, node.id)
        done.append((ast.dump(statement), names))
    return done


@pytest.mark.database_independent
@pytest.mark.parametrize(("ours", "wagtails"), CONFIGS, ids=lambda config: config.__name__)
def test_each_app_config_does_what_wagtails_does_but_the_api(ours, wagtails):
    assert issubclass(ours, wagtails)
    theirs = ready_statements(wagtails)
    first_api = next(index for index, statement in enumerate(theirs) if is_api_statement(statement))
    # The API registration is the last thing Wagtail's ready() does.
    assert all(is_api_statement(statement) for statement in theirs[first_api:])

    expected = actions(theirs[:first_api], wagtails.__module__)
    assert actions(ready_statements(ours), ours.__module__) == expected


@pytest.mark.database_independent
def test_the_installed_image_document_snippet_and_redirect_apps_are_the_portals():
    from django.apps import apps

    installed = {config.label: type(config) for config in apps.get_app_configs()}
    for ours, wagtails in CONFIGS:
        assert installed[wagtails.label] is ours
