"""Settings for the metastatic breast cancer treatment guide.

One module, configured by environment variables (see README "Configuration"):
DJANGO_DEBUG, DJANGO_SECRET_KEY, DJANGO_ALLOWED_HOSTS, DATABASE_URL, REDIS_URL, DJANGO_SECURE,
SITE_OWNER, SITE_CONTACT_EMAIL, SITE_FUNDING, FEEDBACK_RETENTION_DAYS, DJANGO_PROXY_COUNT.
"""

import os
from pathlib import Path

import dj_database_url
from django.conf.locale import LANG_INFO
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent


def env_flag(name):
    """True only when the variable is exactly "1"; anything else (or unset) is off."""
    return os.environ.get(name, "") == "1"


DEBUG = env_flag("DJANGO_DEBUG")

SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is not set. Set it to a long random string, "
            "or set DJANGO_DEBUG=1 for local development."
        )
    SECRET_KEY = "insecure-development-key-only-used-when-DJANGO_DEBUG-is-1"

ALLOWED_HOSTS = [
    host.strip()
    for host in os.environ.get("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1").split(",")
    if host.strip()
]


def default_site_url(hosts):
    """http:// and the first allowed host that names one host (not "*" or ".example.org")."""
    for host in hosts:
        if host != "*" and not host.startswith("."):
            return f"http://{host}"
    return "http://localhost"


# The site's one public address. Cache keys, handout links and QR codes, the sitemap, the feed
# and robots.txt use it, never the Host header a request sent: a request cannot put another
# address into what other readers get.
SITE_URL = (
    os.environ.get("DJANGO_SITE_URL", "").strip() or default_site_url(ALLOWED_HOSTS)
).rstrip("/")

INSTALLED_APPS = [
    # Before the admin: it registers each content field's language copies
    # (education/translation.py) before the admin and the history are built.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    # Old page addresses (a renamed slug) redirect to the new ones: education.redirects.
    "django.contrib.sites",
    "django.contrib.redirects",
    "formtools",
    "crispy_forms",
    "crispy_bootstrap5",
    "simple_history",
    "csp",
    "axes",
    "django_ratelimit",
    "education",
    "feedback",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "csp.middleware.CSPMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # A body over DATA_UPLOAD_MAX_MEMORY_SIZE is a 413 and a file a 415, before anything below
    # reads the body (CSRF checking would).
    "mbcsite.middleware.RequestBodyLimitMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    # Answers anonymous requests for public pages from the cache (compressed, with their ETag
    # already made), before the stack below runs.
    "education.cache.PublicPageCacheMiddleware",
    "django.middleware.gzip.GZipMiddleware",
    # Admin pages, staff, readers with a session, and responses setting a cookie get
    # "Cache-Control: private, no-store". Above SessionMiddleware, so on the way out it sees the
    # session and CSRF cookies the middleware below set.
    "mbcsite.middleware.PrivateResponsesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The language comes from the address alone: /es/ is Spanish, every other address English.
    "mbcsite.middleware.LanguageFromAddressMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Turns a 404 at a page's old address into a 301 to its new one. Below the page cache, so
    # a redirect is never stored as a page.
    "django.contrib.redirects.middleware.RedirectFallbackMiddleware",
    # Turns the Ratelimited a limited PDF or search raises into RATELIMIT_VIEW's 429 page.
    "django_ratelimit.middleware.RatelimitMiddleware",
    # Last, as django-axes asks: it turns a locked-out login into its lockout response.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",  # refuses logins while an account is locked out
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "mbcsite.urls"

# The one Site the redirects belong to. Nothing else reads its domain: pages, the sitemap, the
# feed and the admin's "View on site" name the host each request came to.
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
    {
        # Only for the search results, made afresh for every reader: Jinja2 renders them
        # about five times faster than Django's engine (mbcsite/jinja_environment.py).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [BASE_DIR / "templates" / "jinja2"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "mbcsite.jinja_environment.environment"},
    },
]

WSGI_APPLICATION = "mbcsite.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
    )
}


def sqlite_must_exist(database):
    """Open an SQLite file read-write but never create it: a missing or moved file is an error
    (pages from the cache, then 503s), not a new empty database that answers "no such table".
    `migrate` (education's own, which wraps Django's) creates the file on a fresh machine."""
    name = str(database.get("NAME", ""))
    if database["ENGINE"].endswith("sqlite3") and name and not name.startswith(("file:", ":")):
        database["NAME"] = f"file:{name}?mode=rw"


sqlite_must_exist(DATABASES["default"])
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # An unreachable server fails a request in seconds (a 503), not after minutes.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("connect_timeout", 3)


def redis_cache(url):
    """The shared cache on Redis. Fail open, fast: a Redis that is down or not answering costs
    a page at most a quarter second, once, and the page is made without the cache
    (mbcsite/redis_cache.py)."""
    return {
        "BACKEND": "mbcsite.redis_cache.FailOpenRedisCache",
        "LOCATION": url,
        "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.25},
    }


REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {"default": redis_cache(REDIS_URL)}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# The parts of every page that only a new release changes (base.html's stylesheet links and
# header, and its footer links, one copy per page for the link that names the page:
# {% cache ... using="chrome" %}), kept in each process's memory. They cost nothing to remake on
# a restart, and a shared cache would cost a round trip per part. Off in DEBUG, where an edited
# template shows without a restart.
CACHES["chrome"] = {
    "BACKEND": "django.core.cache.backends."
    + ("dummy.DummyCache" if DEBUG else "locmem.LocMemCache"),
    "LOCATION": "chrome",
    "OPTIONS": {"MAX_ENTRIES": 3000},  # more than the site's pages
}

# The feedback form's limit per address (django-ratelimit) counts posts in the default cache,
# under a hash of the address, for an hour. Its system checks want a shared cache that
# increments atomically:
# - W001 flags every backend outside its own list as "not officially supported", Django's
#   RedisCache too: that one is shared and increments with Redis INCR; the list predates it
#   (jsocol/django-ratelimit#283). LocMemCache increments under a lock.
# - E003 flags LocMemCache as "not a shared cache": without REDIS_URL each app process keeps its
#   own count, so with N gunicorn workers one address may post up to N times the limit an hour.
#   That is enough against a flood of posts on one server; set REDIS_URL for one shared count.
# With the cache down, counts cannot be kept: let requests through rather than refuse them all.
RATELIMIT_FAIL_OPEN = True
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]
if not REDIS_URL:
    SILENCED_SYSTEM_CHECKS.append("django_ratelimit.E003")
RATELIMIT_IP_META_KEY = "mbcsite.client_address.client_address"
# PDFs and search are limited per address too (education/ratelimits.py): past the limit, this
# view answers with a friendly 429 page.
RATELIMIT_VIEW = "education.ratelimits.too_many_requests"
# DJANGO_RATELIMIT=0 turns those limits off: only for a benchmark, whose load all comes from
# one address (bench/pages.sh).
RATELIMIT_ENABLE = os.environ.get("DJANGO_RATELIMIT", "") != "0"
# How many proxies we run in front of the app (DJANGO_PROXY_COUNT; 0: none, the app faces the
# internet). The reader's address is then the Nth entry from the right of X-Forwarded-For, the
# one our outermost proxy wrote; with 0 the header is ignored. One reading for the feedback,
# PDF and search limits and the admin lockouts: mbcsite/client_address.py.
try:
    PROXY_COUNT = int(os.environ.get("DJANGO_PROXY_COUNT", "").strip() or 0)
except ValueError:
    PROXY_COUNT = -1
if PROXY_COUNT < 0:
    raise ImproperlyConfigured("DJANGO_PROXY_COUNT must be a whole number, 0 or more.")
if os.environ.get("FEEDBACK_CLIENT_IP_HEADER", "").strip():
    # Removed: it trusted a header for the feedback limit only, while axes read another.
    raise ImproperlyConfigured(
        "FEEDBACK_CLIENT_IP_HEADER is no longer read. Unset it and set DJANGO_PROXY_COUNT to the "
        "number of proxies in front of the site (see README)."
    )
# Readers' feedback is deleted after this many days (`manage.py delete_old_feedback`).
try:
    FEEDBACK_RETENTION_DAYS = int(os.environ.get("FEEDBACK_RETENTION_DAYS", "").strip() or 365)
except ValueError:
    FEEDBACK_RETENTION_DAYS = 0
if FEEDBACK_RETENTION_DAYS < 1:
    raise ImproperlyConfigured("FEEDBACK_RETENTION_DAYS must be a whole number of days, 1 or more.")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The site is in English at its plain addresses and in Spanish under /es/ (i18n_patterns in
# mbcsite/urls.py). The admin stays in English. Interface words are translated in
# locale/<language>/LC_MESSAGES/django.po; `manage.py compilemessages` builds the catalogues
# (the README's commands run it).
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("es", "Español")]
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates as each language writes them (`|date` uses DATE_FORMAT): mbcsite/formats/.
FORMAT_MODULE_PATH = ["mbcsite.formats"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

# Each content field has an English and a Spanish copy (summary_en, summary_es:
# education/translation.py). A copy not yet written, or whose language is not yet published
# for that page, reads as the English one.
MODELTRANSLATION_DEFAULT_LANGUAGE = "en"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("en",)
# The admin labels each copy "Summary (English)", "Summary (Spanish)".
MODELTRANSLATION_BUILD_LOCALIZED_VERBOSE_NAME = lambda name, language: (  # noqa: E731
    f"{name} ({LANG_INFO[language]['name']})"
)

STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Sessions live in a cookie in the reader's own browser: questionnaire answers never reach the
# database, and any app server can read them. Encrypted (a key derived from SECRET_KEY), not
# only signed: whoever copies the cookie cannot read the answers in it.
SESSION_ENGINE = "mbcsite.encrypted_cookie_session"
SESSION_COOKIE_HTTPONLY = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True  # "kept only in this browser until you close it"
SESSION_COOKIE_AGE = 60 * 60 * 8  # and never longer than a working day, even if left open
SESSION_COOKIE_SAMESITE = "Lax"
MESSAGE_STORAGE = "django.contrib.messages.storage.cookie.CookieStorage"

# Request bodies. The biggest form anyone sends is the admin's side effect with all its drugs:
# about 21 KB and 430 fields (tests/test_hardening.py keeps ten times that under both limits).
# RequestBodyLimitMiddleware refuses a longer declared body before reading it.
DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FIELDS = 5000
# The site takes no files anywhere: a multipart body with a file part is refused (415).
DATA_UPLOAD_MAX_NUMBER_FILES = 0
FILE_UPLOAD_MAX_MEMORY_SIZE = 64 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# Who runs this copy of the site, how to reach them, and who pays for it, shown on
# /editorial-policy/ exactly as set. Empty: the page says it has not been named; never guessed.
SITE_OWNER = os.environ.get("SITE_OWNER", "").strip()
SITE_CONTACT_EMAIL = os.environ.get("SITE_CONTACT_EMAIL", "").strip()
SITE_FUNDING = os.environ.get("SITE_FUNDING", "").strip()

# The fixtures that `load_content` reads and (later) `export_content` writes.
CONTENT_FIXTURE_DIR = BASE_DIR / "fixtures"

# HTTPS-only settings, on with DJANGO_SECURE=1 (behind a proxy that sets X-Forwarded-Proto).
if env_flag("DJANGO_SECURE"):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    # Load balancers and monitors ask over plain HTTP, from inside.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_HSTS_SECONDS = 60 * 60 * 24 * 365
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"

# Everything a page loads comes from this site: no inline script or style, no third parties.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "camera",
        "microphone",
        "geolocation",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
}

# Admin sign-in: lock an account and address out after 5 failed tries for an hour.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# The address behind our proxies, as the rate limits read it (DJANGO_PROXY_COUNT), not what a
# client writes in X-Forwarded-For.
AXES_CLIENT_IP_CALLABLE = "mbcsite.client_address.client_address"

# One JSON object a line. DropQueryStrings cuts query strings out of every message and drops
# the request Django attaches to 4xx/5xx records (python-json-logger would write it out, query
# string and all), so search words and answers (always POSTed) never reach the logs.
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {
            "()": "pythonjsonlogger.json.JsonFormatter",
            "fmt": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "filters": {"drop_query_strings": {"()": "mbcsite.log_filters.DropQueryStrings"}},
    "handlers": {
        "console": {
            "class": "logging.StreamHandler",
            "formatter": "json",
            "filters": ["drop_query_strings"],
        }
    },
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {
        # Lockouts and failed sign-ins are warnings, so they are logged; start-up chatter is
        # not. axes masks the username and address in what it logs.
        "axes": {"level": "WARNING"},
        # Only through the filtered handler. Django's defaults also send these to a console
        # handler of their own (with DEBUG), to mail_admins (the request's GET and POST), and
        # runserver's request lines to a handler that prints them whole.
        "django": {"handlers": ["console"], "level": "INFO", "propagate": False},
        "django.server": {"handlers": ["console"], "level": "INFO", "propagate": False},
    },
}
