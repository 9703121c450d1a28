"""Content-Security-Policy and Permissions-Policy headers for the whole site.

The public site is sent the strict policy of CONTENT_SECURITY_POLICY:
scripts and stylesheets only from the portal's own static files, no inline
script, event-handler attribute, style attribute or eval. It carries no
nonce: public pages may be cached (portal/middleware.py), and a nonce kept
in a shared copy would be the same for every visitor who gets it. Scripts
therefore live in static files, never inline.

The Wagtail admin writes inline scripts and styles of its own (see
wagtail/wagtail#1288), so its paths get ADMIN_CONTENT_SECURITY_POLICY,
which allows them. Wagtail's page preview is served from the admin's paths,
so a page shown in the editor's preview is under the admin's policy too.
"""

from csp.middleware import CSPMiddleware
from csp.utils import default_config
from django.conf import settings

from portal.middleware import PRIVATE_PREFIXES as ADMIN_PREFIXES


def is_admin_path(path):
    return path.startswith(ADMIN_PREFIXES)


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's policy on the admin's paths.

    A view that chooses its own policy with django-csp's decorators
    (csp_replace, csp_update, csp_exempt) still gets it."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and is_admin_path(request.path_info):
            parts.config = default_config(settings.ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])
        return parts


def permissions_policy(denied_features):
    """The Permissions-Policy header value that allows none of the features:
    `camera=(), microphone=()`."""
    return ", ".join(f"{feature}=()" for feature in denied_features)


class PermissionsPolicyMiddleware:
    """Tells the browser that no page of the portal, nor any frame in it,
    may use the features of PERMISSIONS_POLICY_DENIED (the camera, the
    microphone, the visitor's location, payments, USB devices …)."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.header = permissions_policy(settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", self.header)
        return response
