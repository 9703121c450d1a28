"""Root URLs.

The admin, documents and the sitemap live outside the language prefix;
pages, search and account pages live inside it (`/ru/...`, `/en/...`), with
Wagtail's page serving last. `/` is redirected by Django's LocaleMiddleware to
the language the browser prefers.
"""

from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls

from home import translation_access
from home import views as home_views
from home.sitemap import PortalSitemap
from search import views as search_views

# A request that fails because the database is unreachable gets a 503 page
# (portal/errors.py). /healthz is answered by portal.health's middleware.
handler500 = "portal.errors.server_error"

urlpatterns = [
    # Checked for the page's edit permission before wagtail-localize's views
    # (see home/translation_access.py).
    path(
        "admin/localize/submit/page/<int:page_id>/",
        translation_access.submit_page_translation,
    ),
    path(
        "admin/localize/update/<int:translation_source_id>/",
        translation_access.update_translations,
    ),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("sitemap.xml", sitemap, {"sitemaps": {"wagtail": PortalSitemap}}, name="sitemap"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("accounts/", include("allauth.urls")),
    path(
        "translation-missing/<int:page_id>/",
        home_views.translation_missing,
        name="translation_missing",
    ),
    path("accounts/", include("community.urls")),
    path("notifications/", include("notifications.urls")),
    path("search/suggest/", search_views.suggest, name="search_suggest"),
    path("comments/", include("library.urls")),
    path("to-library/", include("library.discussion_urls")),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
