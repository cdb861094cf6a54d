"""Settings shared by every environment, each read once from the environment.

With DEBUG off (the default) the production-safe settings apply and SECRET_KEY must be set.
"""

from datetime import timedelta

import environ
from csp.constants import NONE, SELF
from django.contrib.messages import constants as message_constants

from config.settings import BASE_DIR

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# No default: with DEBUG off a missing key stops start-up instead of running insecurely.
SECRET_KEY = env("SECRET_KEY")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

DJANGO_APPS = [
    "core.admin_site.JcmAdminConfig",  # django.contrib.admin, kept to partnerships
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
]
THIRD_PARTY_APPS = [
    "crispy_forms",
    "crispy_bootstrap5",
    "django_filters",
    "csp",
    "import_export",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "simple_history",
    "django_tasks",
    "django_tasks_db",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
]
LOCAL_APPS = [
    "core",
    "governance",
    "priorities",
    "commissioning",
    "participation",
    "reporting",
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # After WhiteNoise, so static files keep their long cache; every other response, the
    # lockout page and redirects included, passes through it.
    "core.headers.NoStoreMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # Inside SessionMiddleware: marks the session for saving at most once a minute.
    "core.session_renewal.SessionRenewalMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # The partnership the session works in reaches the user object (core.partnerships).
    "core.partnerships.CurrentPartnershipMiddleware",
    # request.user.is_verified(): whether this session entered a second factor.
    "django_otp.middleware.OTPMiddleware",
    # Django's LoginRequiredMiddleware, keeping what a form posted after the session ended
    # (after the CSRF check above, so a forged post cannot plant values in a form).
    "core.saved_typing.LoginRequiredKeepingTypingMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Administrators (and whoever set up a second factor) enter their code before any page.
    "core.two_factor.middleware.SecondFactorRequiredMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes asks: it turns a locked-out sign-in into the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "core.context_processors.product",
                "core.context_processors.notifications",
            ],
            "libraries": {"filter_fields": "core.filter_fields"},
        },
    },
]

FORM_RENDERER = "core.form_renderer.FormRenderer"

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
# Each app server process keeps its connection for a minute instead of opening one per
# request: a new PostgreSQL backend cost more CPU than most pages' own statements (README
# "Benchmark and load test"). Health checks replace a connection the database has dropped.
# DATABASE_URL may say otherwise (`?conn_max_age=0`).
DATABASES["default"].setdefault("CONN_MAX_AGE", 60)
DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
# PostgreSQL searches every order of up to 8 joined tables for each statement it plans; a page's
# statements join 6 to 10 tables along foreign keys (select_related), where that search costs
# more than running them (a report's own row: 3.0 ms planning, 0.2 ms running). In groups of 4
# it plans in a quarter of the time (README "Benchmark and load test"). Added to any options
# DATABASE_URL gives.
if DATABASES["default"].get("ENGINE") == "django.db.backends.postgresql":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options["options"] = f"{_options.get('options', '')} -c join_collapse_limit=4".strip()
# SQLite (the embedded default of `make run`): the web server and the task worker write to the
# same file. A request's transaction (ATOMIC_REQUESTS) began as a reader and failed at once
# with "database is locked" when it came to write (signing in saves a session) while the worker
# was saving a board pack. Taking the write lock when each transaction begins, and waiting up to
# 20 s for it, makes them queue instead.
if DATABASES["default"].get("ENGINE") == "django.db.backends.sqlite3":
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _options.setdefault("transaction_mode", "IMMEDIATE")
    _options.setdefault("timeout", 20)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Background jobs (django-tasks, the interface Django 6 adopts as django.tasks): queued in the
# database, run by `manage.py db_worker` (README, "Background jobs"). No broker to run.
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

# The cache: the public pages' rendered HTML and their rate limit. Local memory is one per
# process; with several web processes set CACHE_URL (e.g. memcached or a database table)
# so that they share it.
CACHES = {"default": env.cache("CACHE_URL", default="locmemcache://")}
# Public pages (core/public.py): how long they are kept, and how many requests an address may
# make before it is answered 429.
PUBLIC_PAGE_CACHE_SECONDS = env.int("PUBLIC_PAGE_CACHE_SECONDS", default=300)
PUBLIC_RATE_LIMIT = env("PUBLIC_RATE_LIMIT", default="120/m")
# The anonymised participation export adds up records with fewer participants than this into
# one row per cycle stage and method (participation/exports.py).
PARTICIPATION_SUPPRESSION_THRESHOLD = env.int("PARTICIPATION_SUPPRESSION_THRESHOLD", default=10)
# The Local Government Transparency Code publishes every contract worth more than this (£).
CONTRACT_PUBLICATION_THRESHOLD = env.int("CONTRACT_PUBLICATION_THRESHOLD", default=5000)
# The children's first names the personal-data check looks for in participation records
# (core/person_names.py): one a line, none an ordinary English word.
PERSONAL_DATA_FIRST_NAMES_FILE = env.path(
    "PERSONAL_DATA_FIRST_NAMES_FILE", default=BASE_DIR / "core" / "data" / "first_names.txt"
)
# The "log progress" form suggests Amber up to this many points of percent complete behind the
# straight line from an action's start to its due date, Red beyond (priorities/rag_suggestion.py).
RAG_SUGGESTION_AMBER_POINTS = env.int("RAG_SUGGESTION_AMBER_POINTS", default=20)

# The read-only JSON API (reporting/api/, README "API"): a token per person, the same rules as
# the pages, JSON only (the browsable API's pages need inline scripts, which the CSP forbids).
API_RATE_LIMIT = env("API_RATE_LIMIT", default="600/m")
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First: its header is the one a 401 names (WWW-Authenticate: Token).
        "reporting.api.authentication.ApiTokenAuthentication",
        "reporting.api.authentication.VerifiedSessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["reporting.api.permissions.ReadsWithARole"],
    "DEFAULT_THROTTLE_CLASSES": ["reporting.api.throttling.PerTokenThrottle"],
    "DEFAULT_THROTTLE_RATES": {"api": API_RATE_LIMIT},
    "DEFAULT_PAGINATION_CLASS": "reporting.api.pagination.ApiPagination",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "COERCE_DECIMAL_TO_STRING": False,
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Joint Commissioning Manager API",
    "DESCRIPTION": (
        "Read-only: the partnership's frameworks, priorities, action plans, indicators, "
        "commissioning, contracts, published participation and governance. Send your token "
        "as `Authorization: Token <key>`; `?partnership=<slug>` reads another of your "
        "partnerships."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # Swagger UI's files from drf-spectacular-sidecar, served by the app: the CSP allows no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v1",
    # The four elements of the Lundy model share one choice set: one enum, named once.
    "ENUM_NAME_OVERRIDES": {"LundyMetEnum": "participation.models.lundy.LundyMet"},
}

EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="jcm@localhost")
# The site's address, for links in emails (`send_reminders --base-url` overrides it).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
# The prefix of every OCID the product publishes (commissioning.ocds): the one the Open
# Contracting Partnership registers for the publisher; the default is a placeholder.
OCDS_OCID_PREFIX = env("OCDS_OCID_PREFIX", default="ocds-jcm000")
# How far worse than its target or a comparator an indicator may be, as a percentage of that
# reference, and still be amber rather than red (priorities.judgement).
INDICATOR_AMBER_TOLERANCE_PERCENT = env.float("INDICATOR_AMBER_TOLERANCE_PERCENT", default=5.0)

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes checks each sign-in before Django's own backend does; the organisation's
# single sign-on (core/sso.py) answers only its own callback, and only when configured.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
    "core.sso.OrganisationAccountBackend",
]
LOGIN_URL = "login"

# Single sign-on over OpenID Connect (mozilla-django-oidc), e.g. Microsoft Entra ID: off
# unless the client and the provider's endpoints are all set (README, "Single sign-on").
# People are matched by email address; nobody gets an account by signing in.
OIDC_RP_CLIENT_ID = env("OIDC_RP_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env("OIDC_RP_CLIENT_SECRET", default="")
OIDC_OP_ISSUER = env("OIDC_OP_ISSUER", default="")
OIDC_OP_AUTHORIZATION_ENDPOINT = env("OIDC_OP_AUTHORIZATION_ENDPOINT", default="")
OIDC_OP_TOKEN_ENDPOINT = env("OIDC_OP_TOKEN_ENDPOINT", default="")
OIDC_OP_JWKS_ENDPOINT = env("OIDC_OP_JWKS_ENDPOINT", default="")
# The claims come from the signed ID token; no user-info endpoint is called.
OIDC_OP_USER_ENDPOINT = ""
OIDC_RP_SIGN_ALGO = env("OIDC_RP_SIGN_ALGO", default="RS256")
OIDC_RP_SCOPES = "openid email profile"
OIDC_USE_PKCE = True
OIDC_CREATE_USER = False
OIDC_TIMEOUT = 10
OIDC_AUTHENTICATION_CALLBACK_URL = "sso_callback"

# Two-factor authentication (django-otp): an authenticator app (TOTP) and backup codes.
OTP_TOTP_ISSUER = "Joint Commissioning Manager"
# Wrong codes are counted by django-axes like wrong passwords (core/lockout.py); django-otp's
# own growing delay would also refuse a right code typed seconds after a wrong one.
OTP_TOTP_THROTTLE_FACTOR = 0
OTP_STATIC_THROTTLE_FACTOR = 0
# Django admin lists and removes people's devices (a lost phone) but never shows their secrets
# or backup codes, as the calendar feeds' admin never shows their tokens.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True

# Sign-in protection (django-axes): five wrong passwords for one username from one address
# lock that pair out for 30 minutes; a successful sign-in clears the count. Attempts are kept
# in the database, so every app server sees the same count.
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = timedelta(minutes=30)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
# A completed sign-in clears the count (core/lockout.py), not a password alone while a
# second factor is still to come, so signing in again buys no more guesses at the code.
AXES_RESET_ON_SUCCESS = False
# The lockout page is rendered in answer to the sign-in POST itself, so it needs no URL of
# its own and nothing is added to the pages open without signing in.
AXES_LOCKOUT_TEMPLATE = "registration/locked_out.html"
# Reverse proxies in front of the app that append to X-Forwarded-For (a load balancer, nginx):
# with the default 0 every sign-in behind a proxy would share the proxy's address.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "core.client_ip.client_ip"

# A session ends after SESSION_IDLE_MINUTES without a request. A request renews it when it was
# last renewed SESSION_RENEW_SECONDS ago or more (core.session_renewal), not on every request,
# which would cost an UPDATE and a commit each: the idle time is right to within that.
SESSION_COOKIE_AGE = env.int("SESSION_IDLE_MINUTES", default=30) * 60
SESSION_RENEW_SECONDS = 60
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True
# Dates as GOV.UK writes them ("1 December 2026"; "1 Dec 2026" in tables): config/formats/.
FORMAT_MODULE_PATH = ["config.formats"]
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y"]

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Uploads: partnerships' logos.
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# django-import-export's own formula escaping stays off: in 4.4 it strips only a leading "="
# and turns every cell, numbers too, into text. The resources escape formulas themselves
# (core/formulas.py: a leading apostrophe before =, +, -, @, tab or CR; numbers untouched).
IMPORT_EXPORT_ESCAPE_FORMULAE_ON_EXPORT = False

MESSAGE_TAGS = {message_constants.ERROR: "danger"}

# Security headers, whatever DEBUG says.
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
SESSION_COOKIE_HTTPONLY = True
# The browser features no page of the product uses, denied to it and to anything it embeds.
PERMISSIONS_POLICY = {
    feature: []
    for feature in (
        "accelerometer",
        "ambient-light-sensor",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "interest-cohort",
        "local-fonts",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
}
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        "style-src": [SELF],
        # Bootstrap draws form controls' icons from data: SVGs in its stylesheet.
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    },
}

if not DEBUG:
    # Behind a TLS-terminating proxy that sets X-Forwarded-Proto.
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    # Load balancers probe the health check over plain HTTP.
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # WeasyPrint logs every layout step of the board pack PDF at INFO.
    "loggers": {"weasyprint": {"level": "WARNING"}, "fontTools": {"level": "WARNING"}},
}
