"""Settings shared by every environment.

Everything that differs between a laptop and production is read from the
environment, with an embedded default: no variables set gives SQLite in the
project folder, the local-memory cache and media files on the local disk.
"""

import os
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF, UNSAFE_INLINE

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

# Apps earlier in the list win when two have a template or static file of the
# same name: the portal's own apps come before the packages they override.
INSTALLED_APPS = [
    # Before "home", whose ready() replaces its purge of a published page
    # with the portal's own (home/front_cache.py).
    "wagtail.contrib.frontend_cache",
    "home",
    "search",
    "wagtail_localize",
    # Instead of wagtail.locales: the admin's locales, with their synchronisation.
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    # Wagtail's image, document, snippet and redirect apps, without the v3
    # API that the portal does not serve (portal/wagtail_apps.py).
    "portal.wagtail_apps.RedirectsConfig",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "portal.wagtail_apps.SnippetsConfig",
    "portal.wagtail_apps.DocumentsConfig",
    "portal.wagtail_apps.ImagesConfig",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    # Events, registrations, iCalendar feeds and the learning programme.
    "rusmeco_events",
    # Members: accounts (django-allauth), person and company profiles, the
    # people directory, who's new and who's online.
    "community",
    # The notification centre: follows, notifications under the bell,
    # e-mail preferences, digests and one-click unsubscribing.
    "notifications",
    # Member blogs: posts members write in Markdown, followed and commented.
    "blogs",
    "allauth",
    "allauth.account",
    # Case studies, articles and expert advice, with themes, read counts,
    # feeds and member comments (django-comments-xtd). "library" comes before
    # django_comments_xtd so its templates override the follow-up e-mail.
    "library",
    "django_comments_xtd",
    "django_comments",
    "django.contrib.sites",
    # Forums: boards (pages) and the topics and posts members write on them.
    "forums",
    # The community's glossary of Russian and English terms: search in all
    # languages, marked terms on pages, translators' hints.
    "glossary",
    # Partnership brokerage: companies' offers and requests, reviewed by
    # their region's coordinators, matched, answered and introduced.
    "partnerships",
    # Self-assessment: dimensions of questions on described scales, results
    # with a radar chart, advice, recommendations and a peer benchmark.
    "assessments",
    # The coordinators' dashboard in the admin.
    "editorial",
    # Background jobs (Django's tasks API) and their queue in the database.
    "django_tasks",
    "django_tasks_db",
]

MIDDLEWARE = [
    # /healthz for load balancers, before HTTPS redirects, host checks and
    # sessions (portal/health.py).
    "portal.health.HealthCheckMiddleware",
    # Then the visitor's address and scheme from our proxy's headers, and
    # from nobody else's, before the HTTPS redirect or anything else reads
    # them (portal/proxies.py).
    "portal.proxies.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Anonymous visitors' pages from the cache (portal/page_cache.py):
    # outside the cache-header middleware, whose Cache-Control it obeys,
    # and the session, which a page served from the cache never opens. The
    # security headers below are stored with the page.
    "portal.page_cache.AnonymousPageCacheMiddleware",
    # Content-Security-Policy (strict on the public site, looser in the
    # admin) and Permissions-Policy on every response.
    "portal.security_headers.ContentSecurityPolicyMiddleware",
    "portal.security_headers.PermissionsPolicyMiddleware",
    # Outside the session, CSRF and auth middleware, so it sees the cookies
    # they set and the signed-in user.
    "portal.middleware.CacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # The request's Wagtail site from the cache (home/sites.py), once the
    # host has been checked.
    "home.sites.CachedSiteMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    # After authentication: records "last seen" (at most one write per member
    # every few minutes) and counts guests in the cache.
    "community.presence.PresenceMiddleware",
]

# Addresses or networks of the proxies (nginx, a load balancer) whose
# X-Forwarded-For and X-Forwarded-Proto are believed; none outside
# production (see portal/proxies.py and production.py).
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

# Database: SQLite in the project folder unless DATABASE_URL names another
# (postgres://user@host:5432/name uses psycopg 3).
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # A transaction takes SQLite's write lock when it begins, not at its
    # first write: what it reads (free seats, say) cannot change under it,
    # and writers queue in the order they started (PostgreSQL locks rows).
    DATABASES["default"].setdefault("OPTIONS", {})["transaction_mode"] = "IMMEDIATE"
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # A page's queries each take a few milliseconds; starting PostgreSQL's
    # parallel workers for one of them costs more than that (15-30 ms on
    # two cores) and takes cores from the other requests, and compiling one
    # just in time (JIT, for queries the planner guesses to be costly) took
    # half a second for a search that runs in 16 ms. Reports and
    # maintenance commands may ask for parallel workers (DB_PARALLEL_WORKERS).
    DATABASES["default"].setdefault("OPTIONS", {})["options"] = (
        "-c jit=off -c max_parallel_workers_per_gather="
        + os.environ.get("DB_PARALLEL_WORKERS", "0")
    )
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless REDIS_URL (or CACHE_URL) points at Redis. With
# Redis the app servers keep no state of their own and can run side by side.
# A Redis that is down or slow costs a request at most a short timeout per
# call and is logged, never raised (portal/cache.py); sessions are written
# to the database too, so members stay signed in while Redis restarts.
REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "portal.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "rusmeco",
            "OPTIONS": {
                "socket_connect_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
                "socket_timeout": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
            },
        }
    }
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "rusmeco",
        }
    }

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# The site's log-in page (django-allauth, see community below).
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/"

# Languages. Russian is the source language and must be the LANGUAGE_CODE
# before the very first migrate: Wagtail creates its first Locale from it.
# English is added by a data migration (home 0003).
LANGUAGE_CODE = "ru"
LANGUAGES = [
    ("ru", "Русский"),
    ("en", "English"),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = "Europe/Moscow"

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# Static files: whitenoise serves them in every environment; production
# switches to compressed files with hashed names (see production.py).
STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Background jobs: Wagtail's search and reference index updates, cache
# purges and every e-mail are tasks in a queue kept in the database (SQLite
# or PostgreSQL, the same transaction as the data that asked for them), run
# by `manage.py db_worker` (`make run` starts one; see README, "Background
# jobs"). Failed tasks are tried again later (home/tasks.py) and kept, with
# the reason, in the admin's failed tasks report.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# E-mail: every message is queued (home/mail.py); the worker delivers it
# through EMAIL_DELIVERY_BACKEND: the console in development, SMTP when
# EMAIL_HOST is set. A mail server that is down is logged, tried again
# later and never fails the request; EMAIL_TIMEOUT bounds how long the
# worker waits for one that hangs.
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "portal@rusmeco.example")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
EMAIL_BACKEND = "home.mail.QueueBackend"
if os.environ.get("EMAIL_HOST"):
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    EMAIL_HOST = os.environ["EMAIL_HOST"]
    EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
    EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
    EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
    EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
else:
    EMAIL_DELIVERY_BACKEND = "django.core.mail.backends.console.EmailBackend"

# Wagtail
WAGTAIL_SITE_NAME = "RUSMECO"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# Search: the portal's database backend (SQLite FTS5 or PostgreSQL, with
# Russian and English word forms) unless OPENSEARCH_URL or ELASTICSEARCH_URL
# (comma-separated URLs) names a search engine; see search/backends/.
SEARCH_ENGINE = "opensearch" if os.environ.get("OPENSEARCH_URL") else "elasticsearch"
SEARCH_ENGINE_URLS = env_list("OPENSEARCH_URL") or env_list("ELASTICSEARCH_URL")
if SEARCH_ENGINE_URLS:
    WAGTAILSEARCH_BACKENDS = {
        "default": {
            "BACKEND": f"search.backends.{SEARCH_ENGINE}",
            "URLS": SEARCH_ENGINE_URLS,
            "INDEX_PREFIX": os.environ.get("SEARCH_INDEX_PREFIX", "rusmeco_"),
            "TIMEOUT": int(os.environ.get("SEARCH_TIMEOUT", "5")),
        }
    }
else:
    WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "key", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAIL_ALLOW_UNICODE_SLUGS = False
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# A request's form fields, files left aside (those have the limits above and
# in community/uploads.py): room for a long page in the admin's editor.
# nginx refuses bodies over its own limit first (deploy/nginx.conf).
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Private pages and document collections are for signed-in members or
# groups: a password shared by everyone who may read them is off unless
# WAGTAIL_SHARED_PASSWORDS=true (Wagtail then offers it in "Privacy").
WAGTAIL_PRIVATE_PAGE_OPTIONS = {"SHARED_PASSWORD": env_bool("WAGTAIL_SHARED_PASSWORDS")}
WAGTAILDOCS_PRIVATE_COLLECTION_OPTIONS = {"SHARED_PASSWORD": env_bool("WAGTAIL_SHARED_PASSWORDS")}

# --- Content-Security-Policy and Permissions-Policy ---
# (portal/security_headers.py.) The public site runs only the portal's own
# static scripts and stylesheets: no inline script or style, no event-handler
# attributes, no eval, and no nonces, since public pages are cached.
# Editors embed videos (Wagtail's oEmbed embeds are frames) from these players.
EMBED_FRAME_SOURCES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
]
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        "img-src": [SELF],
        "font-src": [SELF],
        "connect-src": [SELF],
        "frame-src": [SELF, *EMBED_FRAME_SOURCES],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        # Wagtail's preview shows the page in a frame of the admin, on the
        # same origin (as X_FRAME_OPTIONS = "SAMEORIGIN").
        "frame-ancestors": [SELF],
    }
}
# The Wagtail admin (and its page preview) writes inline scripts and styles,
# shows uploads as data: and blob: images and avatars from Gravatar, and its
# dashboard asks wagtail.org for the latest release.
ADMIN_CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "script-src": [SELF, UNSAFE_INLINE],
        "style-src": [SELF, UNSAFE_INLINE],
        "img-src": [SELF, "data:", "blob:", "www.gravatar.com"],
        "connect-src": [SELF, "https://releases.wagtail.org"],
    }
}
# Browser features no page of the portal (nor a frame in it) may use.
PERMISSIONS_POLICY_DENIED = [
    "accelerometer",
    "camera",
    "display-capture",
    "geolocation",
    "gyroscope",
    "hid",
    "idle-detection",
    "magnetometer",
    "microphone",
    "midi",
    "payment",
    "serial",
    "usb",
    "xr-spatial-tracking",
]

# Public pages may be cached by browsers and proxies for this many seconds;
# they vary on the session cookie and the language (see portal/urls.py).
PUBLIC_PAGE_MAX_AGE = int(os.environ.get("PUBLIC_PAGE_MAX_AGE", "60"))
# Anonymous visitors' pages are served from the cache for at most this many
# seconds; any change to what they show drops them at once (see
# portal/page_cache.py). 0 turns the page cache off.
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "60"))

# The front cache (Varnish in the production layout, deploy/varnish.vcl) at
# FRONTEND_CACHE_URL, e.g. http://127.0.0.1:6081: a publish, unpublish, move
# or deletion purges the page, its translations and the lists that show it
# there, from the worker (home/front_cache.py). Unset: nothing is purged.
FRONTEND_CACHE_URL = os.environ.get("FRONTEND_CACHE_URL", "")
if FRONTEND_CACHE_URL:
    WAGTAILFRONTENDCACHE = {
        "varnish": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": FRONTEND_CACHE_URL,
        }
    }
    # Each translation is purged at its own address (its slug may differ),
    # not by swapping the language prefix of the published one.
    WAGTAILFRONTENDCACHE_LANGUAGES = []

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.request": {"level": "ERROR"},
        # Background tasks and Wagtail log each step at INFO; keep the
        # console readable.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
        "modelsearch": {"level": "WARNING"},
    },
}

# --- community ---
# Members' accounts (django-allauth).
AUTHENTICATION_BACKENDS = [
    # User name and password: the Wagtail admin log-in.
    "django.contrib.auth.backends.ModelBackend",
    # E-mail and password: the site's log-in.
    "allauth.account.auth_backends.AuthenticationBackend",
]
ACCOUNT_ADAPTER = "community.adapter.AccountAdapter"
ACCOUNT_USER_DISPLAY = "community.adapter.user_display"
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_SIGNUP_FORM_CLASS = "community.forms.profiles.SignupDetailsForm"
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_UNIQUE_EMAIL = True
# Password reset and sign-up never tell whether an address has an account.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = "[RUSMECO] "
# Changing the e-mail address, exporting one's data and deleting the account
# ask for the password again when the member last logged in (or confirmed
# their password) more than this many seconds ago (community/adapter.py;
# changing the password always asks for the current one).
ACCOUNT_REAUTHENTICATION_REQUIRED = True
ACCOUNT_REAUTHENTICATION_TIMEOUT = int(os.environ.get("REAUTHENTICATION_TIMEOUT", "300"))
# The member is e-mailed when their password or e-mail address changes
# (the old address is told of a new one).
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Failed log-ins: at most 10 a minute from one address and 5 in 5 minutes
# for one account; the Wagtail admin log-in counts against the same limits
# (community/admin_login.py). Sign-up forms: 10 sent in 10 minutes from one
# address (allauth's default of 20 a minute let a program open accounts in
# bulk; members signing up together behind one router may wait a few
# minutes). The contact form (home/contact_limits.py): 5 messages in 10
# minutes from one address and 3 an hour from one e-mail address. Forum
# posts (forums/newcomers.py): 5 a minute and 30 an hour per member.
# Password resets and the rest keep allauth's defaults.
ACCOUNT_RATE_LIMITS = {
    "login_failed": "10/m/ip,5/5m/key",
    "signup": "10/10m/ip",
    "contact_form": "5/10m/ip,3/h/key",
    "forum_post": "5/m/user,30/h/user",
    # Expressions of interest in partnership listings and the messages of
    # their conversations (partnerships/contacts.py), per member.
    "partnership_interest": "10/d/user",
    "partnership_message": "10/m/user,100/d/user",
}
WAGTAILADMIN_USER_LOGIN_FORM = "community.admin_login.ThrottledLoginForm"

# --- forums ---
# A new member's first posts wait for a moderator, and hold at most a few
# links (forums/newcomers.py).
FORUM_POSTS_HELD_FOR_NEW_MEMBERS = 3
FORUM_LINKS_FOR_NEW_MEMBERS = 2

# --- library ---
# Member comments (django-comments-xtd), workflows and read counts.
SITE_ID = 1
COMMENTS_APP = "django_comments_xtd"
COMMENT_MAX_LENGTH = 3000
# Three levels: a comment, a reply, and a reply to the reply.
COMMENTS_XTD_MAX_THREAD_LEVEL = 2
# Signed-in members only, so no confirmation e-mail before a comment shows.
COMMENTS_XTD_CONFIRM_EMAIL = False
# Follow-up e-mails are sent during the request rather than in a thread of
# their own, so a failure is logged with the request.
COMMENTS_XTD_THREADED_EMAILS = False
COMMENTS_XTD_FROM_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_CONTACT_EMAIL = DEFAULT_FROM_EMAIL
COMMENTS_XTD_APP_MODEL_OPTIONS = {
    "default": {
        "who_can_post": "users",
        "allow_flagging": True,
        "allow_feedback": False,
        "show_feedback": False,
    }
}
# Approving the last task of a workflow publishes the page even when the
# approver (a region's coordinator) may not publish directly.
WAGTAIL_FINISH_WORKFLOW_ACTION = "home.workflow_actions.publish_approved"
# Read counts wait in the cache and are written at most this many seconds
# apart (also by `manage.py flush_read_counts`, e.g. from cron); 0 leaves
# the writing to that command alone.
LIBRARY_READS_FLUSH_SECONDS = int(os.environ.get("LIBRARY_READS_FLUSH_SECONDS", "300"))

# --- search ---
# The search engine clients log every request at INFO; keep the console
# readable. (WAGTAILSEARCH_BACKENDS above chooses the engine.)
LOGGING["loggers"].update(
    {"elastic_transport": {"level": "WARNING"}, "opensearch": {"level": "WARNING"}}
)

# --- machine translation ---
# The translation editor offers "Translate with …" for a configured machine
# translator: DeepL when DEEPL_API_KEY is set (wagtail-localize sends keys
# ending in ":fx" to DeepL's free API by itself), else the LibreTranslate
# server at LIBRETRANSLATE_URL. With neither, the setting stays undefined and
# wagtail-localize shows no such button. Both keep to the community's
# glossary (glossary/machine.py).
if os.environ.get("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "glossary.machine.GlossaryDeepLTranslator",
        "OPTIONS": {"AUTH_KEY": os.environ["DEEPL_API_KEY"]},
    }
elif os.environ.get("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "glossary.machine.GlossaryLibreTranslator",
        "OPTIONS": {
            # The translator appends "/translate" to the URL itself.
            "LIBRETRANSLATE_URL": os.environ["LIBRETRANSLATE_URL"].rstrip("/"),
            # The translator always sends a key; a server of one's own may
            # need none, so empty is allowed.
            "API_KEY": os.environ.get("LIBRETRANSLATE_API_KEY", ""),
        },
    }
