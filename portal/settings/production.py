"""Production: gunicorns behind Varnish and nginx (deploy/, gunicorn.conf.py).

Refuses to start half-configured: without SECRET_KEY, ALLOWED_HOSTS,
WAGTAILADMIN_BASE_URL (the links in e-mails) or REDIS_URL. The workers are
separate processes: without a shared cache each would keep its own rate
limits, sessions and cached menus, so a page published through one worker
would stay stale in the others.
"""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_bool, env_list

DEBUG = False

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured("Set the ALLOWED_HOSTS environment variable (comma-separated).")
if not REDIS_URL:  # noqa: F405
    raise ImproperlyConfigured(
        "Set the REDIS_URL environment variable (e.g. redis://127.0.0.1:6379/0): the "
        "workers share rate limits, sessions and the page cache through it; without it "
        "each worker keeps its own and serves stale menus after a publish."
    )
if not os.environ.get("WAGTAILADMIN_BASE_URL"):
    raise ImproperlyConfigured(
        "Set the WAGTAILADMIN_BASE_URL environment variable (e.g. https://portal.example.org): "
        "the links in the portal's e-mails start with it."
    )

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

# Media (images, renditions, documents, members' photos) on S3-compatible
# object storage when a bucket is named; otherwise on the local disk under
# MEDIA_ROOT, served by nginx. boto3 reads the keys from AWS_ACCESS_KEY_ID
# and AWS_SECRET_ACCESS_KEY itself.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": os.environ["AWS_STORAGE_BUCKET_NAME"],
            "endpoint_url": os.environ.get("AWS_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "custom_domain": os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None,
            # Private objects reached through signed, expiring URLs, unless
            # the bucket is public (a CDN domain in front, say).
            "default_acl": os.environ.get("AWS_DEFAULT_ACL") or None,
            "querystring_auth": env_bool("AWS_QUERYSTRING_AUTH", True),
            # Two uploads of "photo.jpg" never replace each other.
            "file_overwrite": False,
        },
    }

# The visitor's address and scheme come from nginx on this machine (or the
# proxies listed), never from anyone who reaches gunicorn directly.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES", "127.0.0.1,::1")

# HTTPS. nginx sets X-Forwarded-Proto to the scheme it was reached by;
# portal.proxies drops the header when it does not come from a trusted
# proxy. SECURE_SSL_REDIRECT=false turns the redirect off where a load
# balancer already does it.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", str(60 * 60 * 24 * 365)))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Wagtail's live preview shows the page in a frame of the admin, on the same
# origin: DENY would break it. Other sites still cannot frame the portal.
X_FRAME_OPTIONS = "SAMEORIGIN"
SILENCED_SYSTEM_CHECKS = ["security.W019"]
