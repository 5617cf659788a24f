"""Settings for the member portal: one module, configured only by the environment.

With nothing set it runs for development: SQLite under var/, Celery tasks in-process,
emails printed to the console and kept in the outbox (readable at /dev/mailbox/).
Production differs only by environment variables (see docs/settings.md).
"""

from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from portal.env import env_bool, env_int, env_list, env_str
from portal.languages import PORTAL_LANGUAGES
from portal.plans import PlanProfileError, load_plan
from portal.sign_in import check_sign_in, oidc_providers, socialaccount_providers

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = BASE_DIR / "var"

DEBUG = env_bool("DEBUG", True)

SECRET_KEY = env_str("SECRET_KEY")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured("SECRET_KEY must be set when DEBUG is off.")
    SECRET_KEY = "development-only-secret-key-never-use-in-production-0123456789"  # noqa: S105

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"] if DEBUG else [])

INSTALLED_APPS = [
    "members",
    "identity",
    "providers",
    "coverage",
    "idcards",
    "resources",
    "care",
    "households",
    "eligibility",
    "documents",
    "authorizations",
    "claims",
    "inbox",
    "appeals",
    "design",
    "outbox",
    "audit",
    "demo",
    "portal",
    "portal.apps.PortalAdminConfig",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.postgres",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "allauth",
    "allauth.account",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "allauth.mfa",
]

MIDDLEWARE = [
    "portal.request_id.RequestIdMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "portal.permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "portal.features.FeatureGateMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "members.sessions.SessionTimeoutMiddleware",
    "portal.no_store.NoStoreForSignedInMiddleware",
    "audit.admin_trail.AdminAuditMiddleware",
]

ROOT_URLCONF = "portal.urls"
WSGI_APPLICATION = "portal.wsgi.application"

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
                "portal.context_processors.plan",
                "portal.context_processors.member_area",
                "portal.context_processors.accessibility",
                "members.context_processors.account_rules",
            ],
        },
    },
]

# Form controls are drawn with Django's own widget templates in their Jinja2 versions where they
# exist: the same HTML in under half the time (portal/form_renderer.py).
FORM_RENDERER = "portal.form_renderer.WidgetRenderer"

# --- Data -------------------------------------------------------------------------------

# Production never falls back to development's stand-ins: SQLite under var/ would hold members'
# data on one server's disk, and without Redis every process has its own rate-limit counters
# and runs tasks in the web process.
_database_url = env_str("DATABASE_URL")
if not _database_url:
    if not DEBUG:
        raise ImproperlyConfigured(
            "DATABASE_URL must be set when DEBUG is off (postgres://user:password@host:5432/name)."
        )
    _database_url = f"sqlite:///{VAR_DIR / 'portal.sqlite3'}"
DATABASES = {
    "default": dj_database_url.parse(
        _database_url,
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Django's backend, with the health check before reuse skipped while a connection is busy
    # (portal/postgresql/base.py).
    DATABASES["default"]["ENGINE"] = "portal.postgresql"
DATABASE_HEALTH_CHECK_IDLE = env_int("DATABASE_HEALTH_CHECK_IDLE", 1)
if not DEBUG and not DATABASES["default"]["ENGINE"].endswith((".postgresql", ".postgis")):
    # The audit trail's append-only trigger and the search indexes are PostgreSQL's.
    raise ImproperlyConfigured("DATABASE_URL must name a PostgreSQL database when DEBUG is off.")
if DATABASES["default"]["ENGINE"].endswith((".postgresql", ".postgis")) and env_bool(
    "DATABASE_PREPARED_STATEMENTS", True
):
    # Bound on the server, a query a connection runs a second time is prepared, so PostgreSQL
    # parses and plans each of a page's queries once per connection rather than once a request
    # (docs/performance.md: a third of the queries' time). A pooler in transaction mode that
    # cannot keep prepared statements needs DATABASE_PREPARED_STATEMENTS=0 (docs/deploy.md).
    DATABASES["default"]["OPTIONS"] = {
        **DATABASES["default"].get("OPTIONS", {}),
        "server_side_binding": True,
        "prepare_threshold": 2,
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if not REDIS_URL and not DEBUG:
    raise ImproperlyConfigured("REDIS_URL must be set when DEBUG is off (redis://host:6379/0).")

# The cache holds only what can be rebuilt (rate-limit counters, rendered PDFs): with Redis
# it is shared by every app server, without it each process keeps its own.
CACHES = {
    "default": (
        {
            # Django's RedisCache, except that an outage is a cache miss (portal/cache.py).
            "BACKEND": "portal.cache.ForgivingRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 0.5, "socket_timeout": 1},
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    ),
}

# Sessions live in the database (read through the cache), so any app server can serve any member.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"

# --- Celery -----------------------------------------------------------------------------

CELERY_BROKER_URL = REDIS_URL or "memory://"
# Without a broker, tasks run in the web process right after the transaction commits.
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_IGNORE_RESULT = True
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# A page must not hang when Redis is down: publishing gives up quickly and the outbox sweep
# picks the email up later.
CELERY_TASK_PUBLISH_RETRY = False
# kombu retries a refused connection on its own (0, 2, 6 s) unless told not to.
CELERY_BROKER_TRANSPORT_OPTIONS = {"socket_connect_timeout": 2, "socket_timeout": 5, "max_retries": 0}
CELERY_BEAT_SCHEDULE = {
    "outbox-sweep": {"task": "outbox.tasks.sweep_outbox", "schedule": 60.0},
    # Recovery requests the broker never got (members/recovery.py).
    "recovery-sweep": {"task": "members.tasks.sweep_recoveries", "schedule": 60.0},
    # Expired sessions; nothing else deletes them (portal/tasks.py).
    "clear-sessions": {"task": "portal.tasks.clear_sessions", "schedule": 60.0 * 60},
}

# --- Email ------------------------------------------------------------------------------

_smtp_host = env_str("EMAIL_HOST")
if _smtp_host:
    MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {
                "host": _smtp_host,
                "port": env_int("EMAIL_PORT", 587),
                "username": env_str("EMAIL_HOST_USER"),
                "password": env_str("EMAIL_HOST_PASSWORD"),
                "use_tls": env_bool("EMAIL_USE_TLS", True),
                "timeout": env_int("EMAIL_TIMEOUT", 10),
            },
        }
    }
elif DEBUG:
    MAILERS = {"default": {"BACKEND": "django.core.mail.backends.console.EmailBackend"}}
else:
    raise ImproperlyConfigured("EMAIL_HOST must be set when DEBUG is off.")

DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "Member Services <member-services@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
OUTBOX_MAX_ATTEMPTS = env_int("OUTBOX_MAX_ATTEMPTS", 6)

# --- The plan ---------------------------------------------------------------------------

# The plan's profile (plans/<name>/plan.toml, docs/plans.md): its name, brand, phones, hours,
# time zone, languages, features, sign-in methods and rules. A bad one stops start-up here, with
# one line naming the file and the field.
PORTAL_PLAN = env_str("PORTAL_PLAN", "demo")
try:
    PLAN = load_plan(PORTAL_PLAN, known_languages=[code for code, _name in PORTAL_LANGUAGES])
except PlanProfileError as error:
    raise SystemExit(f"Plan profile: {error}") from None

# Dates on the plan's records (coverage spans, PCP assignments) are days in the plan's zone.
TIME_ZONE = PLAN.time_zone
USE_TZ = True

# Where members reach the portal; emails link here (they are read outside any request).
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000" if DEBUG else "").rstrip("/")
if not SITE_URL:
    raise ImproperlyConfigured("SITE_URL must be set when DEBUG is off (e.g. https://portal.example.org).")

# --- Accounts ---------------------------------------------------------------------------

AUTH_USER_MODEL = "members.User"
# One backend (allauth's, a ModelBackend that also serves the admin): every log-in attempt, right,
# wrong or for an unknown username, hashes exactly once, so failures cost what a success costs.
# Ours reads the member's record with the user (members/backends.py). Sessions name their
# backend: a session made under another backend path is signed out.
AUTHENTICATION_BACKENDS = ["members.backends.MemberAuthenticationBackend"]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "members.validators.MaximumLengthValidator", "OPTIONS": {"max_length": 128}},
]
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "account_login"

# The members' adapter (members.adapters) with re-authentication at a linked identity provider.
ACCOUNT_ADAPTER = "identity.adapters.AccountAdapter"
ACCOUNT_FORMS = {"login": "members.forms.LoginForm"}
ACCOUNT_LOGIN_METHODS = {"username"}
ACCOUNT_SIGNUP_FIELDS = ["username*", "password1*"]
ACCOUNT_EMAIL_VERIFICATION = "none"
ACCOUNT_PRESERVE_USERNAME_CASING = False
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = False
# Log-ins are limited by members/login_limits.py (per address, and per username without locking
# the member out), which answers with the portal's own pages; allauth's limits are off for them.
ACCOUNT_RATE_LIMITS = {"login": "", "login_failed": ""}

# --- Sign-in with an identity provider (portal/sign_in.py, docs/accounts.md) -------------------

# The OpenID Connect providers, from the environment only; the plan's `sign_in` picks which the
# log-in page offers, and whether it offers the portal's own passwords at all.
OIDC_PROVIDERS = {provider.id: provider for provider in oidc_providers(env_str("OIDC_PROVIDERS"))}
if not DEBUG and (_unanswered := check_sign_in(PLAN.sign_in, OIDC_PROVIDERS)):
    raise ImproperlyConfigured(f"The plan's sign_in names {', '.join(_unanswered)}: not in OIDC_PROVIDERS.")
SOCIALACCOUNT_PROVIDERS = socialaccount_providers(OIDC_PROVIDERS.values())
SOCIALACCOUNT_ADAPTER = "identity.adapters.SocialAccountAdapter"
# A new identity always stops at "Link your member record" (identity.views.link): no account is
# made from what the provider says alone.
SOCIALACCOUNT_AUTO_SIGNUP = False
SOCIALACCOUNT_EMAIL_AUTHENTICATION = False
SOCIALACCOUNT_LOGIN_ON_GET = False
SOCIALACCOUNT_STORE_TOKENS = False
# The key of the HMAC that full Social Security numbers are kept as (members/ssn.py); without it
# the portal neither imports SSNs nor offers linking by one.
SSN_HMAC_KEY = env_str("SSN_HMAC_KEY")

# --- Members' two-factor (allauth.mfa; docs/accounts.md says why not django-otp) -----------

MFA_SUPPORTED_TYPES = ["totp", "recovery_codes", "webauthn"]
# Passkeys (WebAuthn) sign in by themselves (LOG IN's "Sign in with a passkey") and are a second
# factor too. A browser offers WebAuthn only on a secure origin; development and the browser
# tests serve http://127.0.0.1, which Chromium counts as one but the server's check does not.
MFA_PASSKEY_LOGIN_ENABLED = True
MFA_WEBAUTHN_ALLOW_INSECURE_ORIGIN = DEBUG
MFA_TOTP_ISSUER = PLAN.portal_name
MFA_RECOVERY_CODE_COUNT = 10
# Changing the email, password, contact details, two-factor or sign-ins asks again after this
# long (allauth's re-authentication, counted from the last sign-in too: members/reauthentication.py;
# allauth's default is 5 minutes): the password or the second factor, not an emailed code (the
# email may be what is being changed). identity.adapters adds signing in again at a provider.
ACCOUNT_REAUTHENTICATION_TIMEOUT = 15 * 60
ACCOUNT_REAUTHENTICATION_METHODS = ("password", "mfa")

# --- Languages --------------------------------------------------------------------------

LANGUAGE_CODE = "en"
# The plan's languages, each by its own name (see portal/languages.py, which also teaches Django Hmong).
LANGUAGES = [(code, name) for code, name in PORTAL_LANGUAGES if code in PLAN.languages]
# Our catalogues come first, so they also cover Django's and allauth's messages in languages
# those projects do not translate (portal/borrowed_strings.py).
LOCALE_PATHS = [BASE_DIR / "locale"]
FORMAT_MODULE_PATH = ["portal.formats"]
USE_I18N = True

# --- Static files -----------------------------------------------------------------------

STATIC_URL = "/static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = VAR_DIR / "static"
# In development WhiteNoise serves straight from the app and project folders.
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    # Eligibility notices' PDFs (documents/files.py): never under a public URL.
    "notices": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("NOTICES_DIR", str(VAR_DIR / "notices"))},
    },
    # Secure messages' attachments (PHI): never under a URL the web server serves; only
    # inbox.views hands them out, to the message's two parties.
    "inbox": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("INBOX_ROOT") or str(VAR_DIR / "inbox")},
    },
    # Members' supporting files for grievances and appeals (appeals/files.py): never public;
    # docs/deploy.md says how to point it at S3-compatible storage.
    "appeals": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {"location": env_str("APPEALS_FILES_DIR", str(VAR_DIR / "appeals"))},
    },
    "staticfiles": {
        "BACKEND": (
            "django.contrib.staticfiles.storage.StaticFilesStorage"
            if DEBUG
            else "whitenoise.storage.CompressedManifestStaticFilesStorage"
        )
    },
}

# --- Staff admin ------------------------------------------------------------------------

# Failed staff sign-ins to /admin/ (any reason: password, one-time code, unknown user), counted in
# the shared cache like members' ACCOUNT_RATE_LIMITS: per client address and per username.
STAFF_SIGN_IN_RATE_LIMIT = "30/15m/ip,5/15m/key"

# --- Security ---------------------------------------------------------------------------

SECURE_CONTENT_TYPE_NOSNIFF = True
# No inline script or style anywhere, the admin included: only the portal's own static files.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "frame-ancestors": [CSP.NONE],
    # A sign-in button's form is answered by a redirect to the identity provider, which
    # form-action also governs: the configured issuers' origins (portal/sign_in.py).
    "form-action": [CSP.SELF, *sorted({provider.origin for provider in OIDC_PROVIDERS.values()})],
    "base-uri": [CSP.NONE],
    "object-src": [CSP.NONE],
}
SECURE_REFERRER_POLICY = "same-origin"
CSRF_FAILURE_VIEW = "portal.error_views.csrf_failure"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# The absolute session limit, and how long the cookie lasts (members/rules.py reads it from here;
# members/sessions.py enforces it with the idle limit).
SESSION_COOKIE_AGE = 12 * 60 * 60
# The language cookie goes with every request: first-party only and out of scripts' reach
# (none reads it), like the accessibility cookies (portal/accessibility.py).
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# Messages can hold PHI ("Chloë Adams will be your primary care provider …"). Django's default
# puts them in a signed cookie, which anything that sees the browser's cookies can read; the
# session keeps them on the server.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"
if not DEBUG:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = 365 * 24 * 60 * 60
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    LANGUAGE_COOKIE_SECURE = True
    # __Host- cookies are bound to this exact host over HTTPS.
    SESSION_COOKIE_NAME = "__Host-sessionid"
    CSRF_COOKIE_NAME = "__Host-csrftoken"

# --- Logging ----------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "filters": {"one_line_warning": {"()": "portal.logs.OneLineWarning"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "loggers": {
        # A bad Host header is a scanner's, not our fault: one WARNING line, no traceback.
        "django.security.DisallowedHost": {"filters": ["one_line_warning"]},
    },
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
