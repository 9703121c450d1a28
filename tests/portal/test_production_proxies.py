"""The visitor's address and scheme are read from X-Forwarded-For and
X-Forwarded-Proto only when the request comes from one of our proxies
(TRUSTED_PROXIES, portal/proxies.py); anyone else's are thrown away."""

import pytest
from django.http import HttpResponse
from django.test import Client, RequestFactory, override_settings

from portal.proxies import TrustedProxyMiddleware, client_ip

FORGED = {"HTTP_X_FORWARDED_FOR": "203.0.113.9", "HTTP_X_FORWARDED_PROTO": "https"}
BEHIND_HTTPS = override_settings(
    TRUSTED_PROXIES=["127.0.0.1", "10.0.0.0/24"],
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
)


def seen_by_the_portal(**meta):
    """(client address, HTTPS?) as the views see them after the middleware."""
    seen = {}

    def view(request):
        seen.update(ip=client_ip(request), secure=request.is_secure())
        return HttpResponse()

    TrustedProxyMiddleware(view)(RequestFactory().get("/", **meta))
    return seen["ip"], seen["secure"]


@pytest.mark.database_independent
@BEHIND_HTTPS
@pytest.mark.parametrize(
    ("meta", "seen"),
    [
        # nginx adds the address it saw to whatever the visitor sent.
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "203.0.113.9, 198.51.100.7"},
            "198.51.100.7",
        ),
        # A load balancer of ours in front of nginx.
        (
            {"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "198.51.100.7, 10.0.0.5"},
            "198.51.100.7",
        ),
        # Nonsense from the proxy's chain: the proxy's own address stays.
        ({"REMOTE_ADDR": "127.0.0.1", "HTTP_X_FORWARDED_FOR": "not-an-address"}, "127.0.0.1"),
        # Someone reaching the app server directly.
        ({"REMOTE_ADDR": "198.51.100.7", **FORGED}, "198.51.100.7"),
    ],
)
def test_the_client_address_is_the_one_our_proxy_saw(meta, seen):
    assert seen_by_the_portal(**meta)[0] == seen


@pytest.mark.database_independent
@BEHIND_HTTPS
def test_https_is_believed_from_our_proxy_only():
    assert seen_by_the_portal(REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_PROTO="https")[1]
    assert not seen_by_the_portal(REMOTE_ADDR="198.51.100.7", **FORGED)[1]


@pytest.mark.database_independent
@override_settings(TRUSTED_PROXIES=[])
def test_with_no_proxies_listed_no_header_is_believed():
    assert seen_by_the_portal(REMOTE_ADDR="127.0.0.1", **FORGED) == ("127.0.0.1", False)


@pytest.mark.django_db
@BEHIND_HTTPS
@override_settings(SECURE_SSL_REDIRECT=True)
def test_a_forged_https_header_does_not_escape_the_https_redirect(home_ru):
    outsider = Client(REMOTE_ADDR="198.51.100.7").get("/ru/", **FORGED)
    through_nginx = Client(REMOTE_ADDR="127.0.0.1").get("/ru/", HTTP_X_FORWARDED_PROTO="https")

    assert outsider.status_code == 301
    assert outsider["Location"] == "https://testserver/ru/"
    assert through_nginx.status_code == 200
