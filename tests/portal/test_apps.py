"""An app server starts without what its pages never use (Wagtail's API v3,
the iCalendar and Markdown libraries), and Wagtail's images, documents,
snippets and redirects still work as Wagtail sets them up (portal/apps.py).
"""

import ast
import inspect
import json
import textwrap

import pytest
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.images.widgets import AdminImageChooser
from wagtail.snippets.apps import WagtailSnippetsAppConfig

from portal import apps as portal_apps
from tests.helpers import run_python

PRODUCTION_ENV = {
    "SECRET_KEY": "x7!q-production-like-secret-key-for-the-app-start-up-0123456789",
    "ALLOWED_HOSTS": "portal.rusmeco.example",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "WAGTAILADMIN_BASE_URL": "https://portal.rusmeco.example",
}

# What Wagtail's apps call at start-up for its API v3 only.
API_V3_CALLS = {"register_content_types", "add_router"}


@pytest.mark.database_independent
def test_an_app_server_starts_without_modules_its_pages_never_use():
    """What a gunicorn worker has loaded once the portal and its URLs are
    ready: the API v3 (django-ninja) is not served, calendar files and
    Markdown are only made on their own requests."""
    code = (
        "import json, sys; from portal.wsgi import application; "
        "from django.urls import get_resolver; get_resolver().url_patterns; "
        "print(json.dumps(sorted({name.split('.')[0] for name in sys.modules})))"
    )
    result = run_python(code, "portal.settings.production", **PRODUCTION_ENV)
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.splitlines()[-1]))
    assert {"django", "wagtail"} <= loaded
    assert not loaded & {"ninja", "icalendar", "markdown_it"}


def called_names(function):
    """The names of the functions and methods `function` calls."""
    tree = ast.parse(textwrap.dedent(inspect.getsource(function)))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            callee = node.func
            names.add(callee.attr if isinstance(callee, ast.Attribute) else callee.id)
    return names


@pytest.mark.database_independent
@pytest.mark.parametrize(
    "ours, wagtails",
    [
        (portal_apps.ImagesConfig, WagtailImagesAppConfig),
        (portal_apps.DocumentsConfig, WagtailDocsAppConfig),
        (portal_apps.SnippetsConfig, WagtailSnippetsAppConfig),
        (portal_apps.RedirectsConfig, WagtailRedirectsAppConfig),
    ],
)
def test_each_app_registers_what_wagtail_registers_but_the_api_v3(ours, wagtails):
    """Fails when a Wagtail upgrade adds to an app's start-up: copy it."""
    assert ours.name == wagtails.name and ours.label == wagtails.label
    expected = called_names(wagtails.ready) - API_V3_CALLS
    assert called_names(ours.ready) - {"is_installed", "super", "ready"} == expected


@pytest.mark.django_db
def test_editors_still_choose_images_with_wagtails_chooser():
    from library.models import ArticlePage

    form_class = ArticlePage.get_edit_handler().get_form_class()
    assert isinstance(form_class.base_fields["lead_image"].widget, AdminImageChooser)


def test_renaming_a_page_still_leaves_a_redirect_from_its_old_address(
    about_ru, client, django_capture_on_commit_callbacks
):
    old_url = about_ru.url
    with django_capture_on_commit_callbacks(execute=True):
        about_ru.slug = "about-rusmeco"
        about_ru.save_revision().publish()
    assert Redirect.objects.filter(redirect_page=about_ru).exists()
    response = client.get(old_url)
    assert response.status_code == 301
    assert response["Location"].endswith("/about-rusmeco/")
