"""Cache-control headers for the whole site, decided in one place.

Anonymous visitors' public pages may be kept by browsers and shared caches
for a short while; they vary on the cookie and the language. Anything
personal (a signed-in member, the admin, a response that sets a cookie such
as a form with a CSRF token) is never cached.
"""

from django.conf import settings
from django.utils.cache import add_never_cache_headers, patch_cache_control, patch_vary_headers

PRIVATE_PREFIXES = ("/admin/", "/django-admin/")


class CacheHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):
            return response
        if self._is_private(request, response):
            add_never_cache_headers(response)
            patch_cache_control(response, private=True)
        elif request.method in ("GET", "HEAD") and response.status_code == 200:
            patch_cache_control(response, public=True, max_age=settings.PUBLIC_PAGE_MAX_AGE)
            patch_vary_headers(response, ("Cookie", "Accept-Language"))
        return response

    @staticmethod
    def _is_private(request, response):
        user = getattr(request, "user", None)
        return (
            request.path.startswith(PRIVATE_PREFIXES)
            or (user is not None and user.is_authenticated)
            or bool(response.cookies)
            or request.method not in ("GET", "HEAD")
        )
