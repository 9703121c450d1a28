"""Who may start or sync a page's translations.

wagtail-localize checks only the global "submit translation" permission
before it creates or updates the translations of a page. Region
coordinators hold that permission but may edit only their own region's
pages (community/permissions.py), so these two screens are served through
a check that the user may edit the source page, and then handed to
wagtail-localize's own views (portal/urls.py routes them here first).
Snippets (themes, regions) are not region-scoped and keep wagtail-localize's
own check.
"""

from django.shortcuts import get_object_or_404
from wagtail.admin.auth import permission_denied, require_admin_access
from wagtail.models import Page
from wagtail_localize.models import TranslationSource
from wagtail_localize.views.submit_translations import SubmitPageTranslationView
from wagtail_localize.views.update_translations import UpdateTranslationsView


def may_edit(user, page):
    return page.permissions_for_user(user).can_edit()


@require_admin_access
def submit_page_translation(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not may_edit(request.user, page):
        return permission_denied(request)
    return SubmitPageTranslationView.as_view()(request, page_id=page_id)


@require_admin_access
def update_translations(request, translation_source_id):
    source = get_object_or_404(TranslationSource, pk=translation_source_id)
    instance = source.get_source_instance()
    if isinstance(instance, Page) and not may_edit(request.user, instance):
        return permission_denied(request)
    return UpdateTranslationsView.as_view()(request, translation_source_id=translation_source_id)
