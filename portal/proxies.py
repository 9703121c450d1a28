"""The visitor's address and scheme, believed from proxy headers only when
the request comes from a proxy of ours.

nginx (deploy/nginx.conf) adds the address it saw to X-Forwarded-For and
sets X-Forwarded-Proto to the scheme it was reached by. Anyone who can
reach the app server directly could send the same headers, so they count
only when the connection comes from an address in TRUSTED_PROXIES; from
anyone else they are removed before any other code (the HTTPS redirect,
allauth's rate limits, comments) sees them.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

# The headers a proxy sets; Django's names for them in request.META.
FORWARDED_HEADERS = (
    "HTTP_X_FORWARDED_FOR",
    "HTTP_X_FORWARDED_PROTO",
    "HTTP_X_FORWARDED_HOST",
    "HTTP_X_FORWARDED_PORT",
    "HTTP_X_REAL_IP",
)


def client_ip(request):
    """The visitor's IP address: REMOTE_ADDR, which TrustedProxyMiddleware
    has set to the address our proxy saw. Empty when unknown. Every place
    that counts or stores addresses asks here."""
    return request.META.get("REMOTE_ADDR", "")


@lru_cache(maxsize=8)
def _networks(trusted):
    return tuple(ipaddress.ip_network(entry, strict=False) for entry in trusted)


def _address(text):
    try:
        return ipaddress.ip_address(text.strip())
    except ValueError:
        return None


def is_trusted_proxy(text):
    address = _address(text)
    return address is not None and any(
        address in network for network in _networks(tuple(settings.TRUSTED_PROXIES))
    )


def forwarded_client(forwarded_for):
    """The address the last of our proxies saw: X-Forwarded-For read from
    the right, past our own proxies. Entries further left were written by
    the visitor or by proxies we do not run, so they are never believed.
    None when the header names no address of the visitor."""
    for entry in reversed(forwarded_for.split(",")):
        address = _address(entry)
        if address is None:
            return None
        if not is_trusted_proxy(entry):
            return str(address)
    return None


class TrustedProxyMiddleware:
    """First in MIDDLEWARE: sets REMOTE_ADDR to the visitor's address behind
    a trusted proxy, and drops forwarded headers sent by anyone else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        meta = request.META
        if is_trusted_proxy(meta.get("REMOTE_ADDR", "")):
            visitor = forwarded_client(meta.get("HTTP_X_FORWARDED_FOR", ""))
            if visitor:
                meta["REMOTE_ADDR"] = visitor
        else:
            for header in FORWARDED_HEADERS:
                meta.pop(header, None)
        return self.get_response(request)
