"""Wagtail's image, document, snippet and redirect apps without the v3 API.

Wagtail 8's versions of these apps register their endpoints with the v3 API
in ready(), whether or not the API app (``wagtail.api.v3``) is installed.
That imports django-ninja and builds a schema for every page model: about
13 MB of every worker's resident memory and 47 MB of the master's
(bench/memory.py), for an API the portal does not serve (portal/urls.py
mounts no v3 URLs).

Each config here is Wagtail's own with its ready() copied up to the API
registration, which Wagtail puts last. tests/portal/test_apps.py compares
each copy with the installed Wagtail's, so an upgrade that changes one of
these ready() methods fails the tests until the copy follows it.
"""

from django.db.models import ForeignKey
from django.db.models.signals import post_migrate
from wagtail.contrib.redirects.apps import WagtailRedirectsAppConfig
from wagtail.documents.apps import WagtailDocsAppConfig
from wagtail.images.apps import WagtailImagesAppConfig
from wagtail.snippets.apps import WagtailSnippetsAppConfig


class ImagesConfig(WagtailImagesAppConfig):
    def ready(self):
        from wagtail.images import get_image_model, get_permission_policy
        from wagtail.permissions import register_permission_policy

        Image = get_image_model()
        register_permission_policy(Image, get_permission_policy())

        from wagtail.images.signal_handlers import register_signal_handlers

        register_signal_handlers()

        from wagtail.admin.forms.models import register_form_field_override
        from wagtail.images.widgets import AdminImageChooser

        register_form_field_override(ForeignKey, to=Image, override={"widget": AdminImageChooser})

        from wagtail.admin.compare import register_comparison_class
        from wagtail.images.edit_handlers import ImageFieldComparison

        register_comparison_class(ForeignKey, to=Image, comparison_class=ImageFieldComparison)

        from wagtail.admin.ui.fields import register_display_class
        from wagtail.images.components import ImageDisplay

        register_display_class(ForeignKey, to=Image, display_class=ImageDisplay)

        from wagtail.models.reference_index import ReferenceIndex

        ReferenceIndex.register_model(Image)


class DocumentsConfig(WagtailDocsAppConfig):
    def ready(self):
        from wagtail.documents import get_document_model, get_permission_policy
        from wagtail.documents.signal_handlers import register_signal_handlers
        from wagtail.permissions import register_permission_policy

        Document = get_document_model()
        register_permission_policy(Document, get_permission_policy())
        register_signal_handlers()

        from wagtail.admin.ui.fields import register_display_class
        from wagtail.documents.components import DocumentDisplay

        register_display_class(ForeignKey, to=Document, display_class=DocumentDisplay)

        from wagtail.models.reference_index import ReferenceIndex

        ReferenceIndex.register_model(Document)


class SnippetsConfig(WagtailSnippetsAppConfig):
    def ready(self):
        from wagtail.snippets.models import create_extra_permissions, register_deferred_snippets

        register_deferred_snippets()
        post_migrate.connect(create_extra_permissions, sender=self)


class RedirectsConfig(WagtailRedirectsAppConfig):
    def ready(self):
        from wagtail.contrib.redirects.models import Redirect
        from wagtail.permissions import register_permission_policy

        register_permission_policy(Redirect)

        from wagtail.contrib.redirects.signal_handlers import (
            autocreate_redirects_on_page_move,
            autocreate_redirects_on_slug_change,
        )
        from wagtail.signals import page_slug_changed, post_page_move

        post_page_move.connect(autocreate_redirects_on_page_move)
        page_slug_changed.connect(autocreate_redirects_on_slug_change)
