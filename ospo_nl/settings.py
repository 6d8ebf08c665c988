"""Settings of the OSPO-NL platform: one module, configured by the environment.

Without DATABASE_URL the site runs on a SQLite file (the embedded default). Production,
docker-compose and the test suite set DATABASE_URL=postgres://...
"""

import ipaddress
import json
import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env(name, default=""):
    return os.environ.get(name, default)


TRUE, FALSE = {"1", "true", "yes", "on"}, {"0", "false", "no", "off", ""}


def env_bool(name, default=False):
    """A yes/no setting: 1/true/yes/on or 0/false/no/off (any case). Anything else stops the start, so a
    typo such as DEBUG=ture is not silently read as false."""
    value = os.environ.get(name)
    if value is None:
        return default
    value = value.strip().lower()
    if value not in TRUE | FALSE:
        raise ImproperlyConfigured(
            f"{name}={os.environ[name]!r} is not a yes/no value: use 1/0, true/false, yes/no or on/off."
        )
    return value in TRUE


def env_int(name, default):
    """A whole number; anything else stops the start with the variable's name."""
    value = os.environ.get(name)
    if value is None:
        return default
    try:
        return int(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"{name}={value!r} is not a whole number.") from None


def env_list(name, default=""):
    return [item.strip() for item in env(name, default).split(",") if item.strip()]


def env_networks(name, default=""):
    """Comma-separated addresses or networks (`10.0.0.0/8`, `172.18.0.2`); a malformed one stops the start."""
    networks = []
    for item in env_list(name, default):
        try:
            networks.append(str(ipaddress.ip_network(item, strict=False)))
        except ValueError:
            raise ImproperlyConfigured(f"{name}: {item!r} is not an IP address or network.") from None
    return networks


_DURATION = re.compile(r"(\d*)([smhd])")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def env_rates(name, *, per, default=""):
    """Rate limits in allauth's notation, one group per action: `action=amount/period/per[,...];action=...`.

    `period` is a number and a unit (`30s`, `5m`, `h`, `2d`); `per` must be one of `per`. Returns
    {action: [(amount, seconds, per), ...]}; an action given as `action=` gets no limits. Anything
    malformed stops the start with the variable's name, so a typo never silently removes a limit.
    """
    rates = {}
    for group in env(name, default).split(";"):
        if not group.strip():
            continue
        action, sep, items = group.partition("=")
        action = action.strip()
        if not sep or not action:
            raise ImproperlyConfigured(f"{name}: {group.strip()!r} is not `action=amount/period/per,...`.")
        rates[action] = []
        for item in filter(None, (i.strip() for i in items.split(","))):
            parts = item.split("/")
            duration = _DURATION.fullmatch(parts[1]) if len(parts) == 3 else None
            if duration is None or not parts[0].isdigit() or parts[2] not in per:
                raise ImproperlyConfigured(
                    f"{name}: {item!r} in {action!r} is not amount/period/per, e.g. 20/h/{per[0]} "
                    f"(per is one of {', '.join(per)})."
                )
            seconds = int(duration.group(1) or 1) * _SECONDS[duration.group(2)]
            rates[action].append((int(parts[0]), seconds, parts[2]))
    return rates


OIDC_PROVIDER_KEYS = ("id", "name", "server_url", "client_id", "secret")
_OIDC_ID = re.compile(r"[a-z0-9][a-z0-9_-]{0,39}")
_LOOPBACK = {"localhost", "127.0.0.1", "::1"}


def env_oidc_providers(name):
    """OpenID Connect providers members may sign in with: a JSON list of objects with exactly the keys
    OIDC_PROVIDER_KEYS, every value a non-empty string (README, "Sign-in with an organisation's account").

    `id` goes into the URLs (`/account/oidc/<id>/login/callback/`), `name` onto the button, `server_url` is
    the issuer (its `/.well-known/openid-configuration` is read), https unless it is this machine. Anything
    else stops the start with the variable's name, so a typo never silently hides a button or leaks a secret.
    """
    raw = env(name).strip()
    if not raw:
        return []
    try:
        providers = json.loads(raw)
    except json.JSONDecodeError as error:
        raise ImproperlyConfigured(f"{name} is not valid JSON ({error}): expected a list of providers, "
                                   f"e.g. [{{\"id\": \"rijk\", \"name\": \"...\", ...}}].") from None
    if not isinstance(providers, list):
        raise ImproperlyConfigured(f"{name} must be a JSON list of providers, not {type(providers).__name__}.")
    seen = set()
    for number, provider in enumerate(providers, start=1):
        where = f"{name}, provider {number}"
        if not isinstance(provider, dict):
            raise ImproperlyConfigured(f"{where} is not an object with the keys {', '.join(OIDC_PROVIDER_KEYS)}.")
        missing = [key for key in OIDC_PROVIDER_KEYS if key not in provider]
        unknown = sorted(set(provider) - set(OIDC_PROVIDER_KEYS))
        if missing or unknown:
            raise ImproperlyConfigured(
                f"{where}: missing {', '.join(missing) or 'nothing'}, unknown {', '.join(unknown) or 'nothing'} "
                f"(keys: {', '.join(OIDC_PROVIDER_KEYS)})."
            )
        empty = [key for key in OIDC_PROVIDER_KEYS if not isinstance(provider[key], str) or not provider[key].strip()]
        if empty:
            raise ImproperlyConfigured(f"{where}: {', '.join(empty)} must be non-empty text.")
        if not _OIDC_ID.fullmatch(provider["id"]) or provider["id"] in seen:
            raise ImproperlyConfigured(f"{where}: id {provider['id']!r} must be unique, lower-case letters, "
                                       f"digits, - or _ (at most 40).")
        seen.add(provider["id"])
        url = urlsplit(provider["server_url"])
        if not url.hostname or url.scheme != "https" and not (url.scheme == "http" and url.hostname in _LOOPBACK):
            raise ImproperlyConfigured(f"{where}: server_url {provider['server_url']!r} must be an https URL.")
    return providers


def oidc_socialaccount_providers(providers):
    """allauth's SOCIALACCOUNT_PROVIDERS for OIDC_PROVIDERS: one app of its openid_connect provider each."""
    if not providers:
        return {}
    return {"openid_connect": {
        "OAUTH_PKCE_ENABLED": True,
        "APPS": [{"provider_id": p["id"], "name": p["name"], "client_id": p["client_id"], "secret": p["secret"],
                  "settings": {"server_url": p["server_url"]}} for p in providers],
    }}


def oidc_form_origins(providers):
    """The providers' origins, for the CSP's form-action: the sign-in button's form is answered with a redirect
    to the provider, and browsers hold that redirect to form-action too."""
    return sorted({f"{url.scheme}://{url.netloc}" for url in (urlsplit(p["server_url"]) for p in providers)})


DEBUG = env_bool("DEBUG", False)
TESTING = env_bool("TESTING", False)
# Only `manage.py bench` sets it: enables the bare "ceiling" page the benchmark compares against.
BENCH = env_bool("BENCH", False)

SECRET_KEY = env("SECRET_KEY")
if not SECRET_KEY:
    if DEBUG or TESTING:
        SECRET_KEY = "insecure-development-key-do-not-use-in-production"
    else:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random "
            "string (python -c 'import secrets; print(secrets.token_urlsafe(50))'), or set "
            "DEBUG=1 for local development."
        )

SITE_URL = env("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# The site's name in mails and the authenticator app; mails never name the host a request came in on.
SITE_NAME = env("SITE_NAME", "OSPO-NL")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "127.0.0.1,localhost,[::1]" if DEBUG or TESTING else "")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", SITE_URL if SITE_URL.startswith("https") else "")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "django.contrib.humanize",
    "allauth",
    "allauth.account",
    "allauth.mfa",
    "allauth.socialaccount",
    "allauth.socialaccount.providers.openid_connect",
    "taggit",
    "django_tasks_db",
    # Layers, one way (docs/architecture.md): the project package, the feature apps, the shared services, core.
    "ospo_nl",
    "directory",
    "casussen",
    "forum",
    "kennisbank",
    "network",
    "ospo_nl.notifications",
    "ospo_nl.moderation",
    "ospo_nl.search",
    "ospo_nl.seo",
    "ospo_nl.core",
]
if BENCH:
    INSTALLED_APPS.append("ospo_nl.bench")  # manage.py bench / bench_seed and the ceiling view

# The people directory's profile (one per account: display name, expert flag, expertise, unread count).
# Named here like AUTH_USER_MODEL, so the services below the feature apps can reach it without importing them.
PROFILE_MODEL = "directory.Profile"

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "ospo_nl.core.request_guard.RequestGuardMiddleware",  # NUL and control characters in path or query: 400
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "ospo_nl.core.page_cache.VisitorPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "allauth.account.middleware.AccountMiddleware",
]

ROOT_URLCONF = "ospo_nl.urls"
WSGI_APPLICATION = "ospo_nl.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "ospo_nl.seo.context_processors.site",
            ],
        },
    },
]

# Database: SQLite file unless DATABASE_URL is set.
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if env("TEST_DATABASE_NAME") and DATABASES["default"]["ENGINE"].endswith("postgresql"):
    # Lets several test runs share one server without clobbering each other's database.
    DATABASES["default"]["TEST"] = {"NAME": env("TEST_DATABASE_NAME")}
IS_POSTGRES = DATABASES["default"]["ENGINE"].endswith("postgresql")
if IS_POSTGRES and env_bool("DB_PREPARED_STATEMENTS", True):
    # Parameters bound by the server, and a statement run twice on a connection prepared: PostgreSQL then
    # skips parsing and planning it (docs/performance.md: casus page +18% under load). Behind PgBouncer in
    # transaction mode it needs PgBouncer 1.21+ with max_prepared_statements set, or DB_PREPARED_STATEMENTS=0.
    # Each execution is still planned for its own parameters: after five runs PostgreSQL would otherwise
    # switch a prepared statement to a generic plan, which for a full-text match or a filter count can be
    # ten times slower (search, common word: 32 -> 183 ms). Only the parsing is saved.
    DATABASES["default"].setdefault("OPTIONS", {}).update({
        "server_side_binding": True, "prepare_threshold": 2,
        "options": f"-c plan_cache_mode={env('DB_PLAN_CACHE_MODE', 'force_custom_plan')}",
    })
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: local memory unless CACHE_URL / REDIS_URL points to a shared Redis.
CACHE_URL = env("CACHE_URL") or env("REDIS_URL")
if CACHE_URL:
    # Django's Redis backend, reusing its client and failing soft (ospo_nl.cache): with Redis gone the site
    # is slower, not down.
    CACHES = {"default": {"BACKEND": "ospo_nl.cache.RedisCache", "LOCATION": CACHE_URL}}
    # Sessions read from Redis and fall back to the database, so members stay signed in while Redis is away.
    SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# How long a Redis call may take before the site goes on without it, and how long it then stays away.
CACHE_TIMEOUT_SECONDS = env_int("CACHE_TIMEOUT_MS", 150) / 1000
CACHE_RETRY_SECONDS = env_int("CACHE_RETRY_MS", 2000) / 1000
# Search results (ospo_nl.core.content_cache) are cached only in a cache all processes share.
CONTENT_CACHE_SECONDS = env_int("CONTENT_CACHE_SECONDS", 600 if CACHE_URL else 0)
# Which code the cached values belong to (ospo_nl.core.content_cache.generation): by default a hash of the code.
CONTENT_CACHE_GENERATION = env("CONTENT_CACHE_GENERATION", "")

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 10}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# Argon2id first (memory-hard, Django's recommendation), with OWASP's parameters (ospo_nl.auth_backends: about 30 ms
# of CPU per sign-in, where Django's Argon2 takes 250 ms and PBKDF2's 1.5 million rounds 500 ms). PBKDF2 hashes
# and Argon2 hashes with other parameters still verify, and are rewritten at the member's next sign-in.
PASSWORD_HASHERS = [
    "ospo_nl.auth_backends.OwaspArgon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
    "django.contrib.auth.hashers.ScryptPasswordHasher",
]
if TESTING:
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

AUTHENTICATION_BACKENDS = [  # Django's and allauth's, loading the profile with the user (one query less)
    "ospo_nl.auth_backends.ProfileModelBackend",
    "ospo_nl.auth_backends.ProfileAccountBackend",
]

# Accounts (django-allauth): e-mail only, verified before first login.
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*", "password2*"]
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_UNIQUE_EMAIL = True
# No account enumeration (issue 23 reverses the earlier choice to name a taken address on the sign-up form):
# sign-up with a known address shows the same "check your mail" page as a new one and mails the owner
# (account/email/account_already_exists), and a password reset answers the same for known and unknown
# addresses, mailing an unknown one that it has no account (account/email/unknown_account). The rate limits
# (ACCOUNT_RATE_LIMITS) still slow down anyone mailing an address over and over.
ACCOUNT_PREVENT_ENUMERATION = True
ACCOUNT_EMAIL_UNKNOWN_ACCOUNTS = True
# The member hears of every change to their sign-in (password, addresses, two-factor authentication), from our
# templates in templates/account/email/ and templates/mfa/email/.
ACCOUNT_EMAIL_NOTIFICATIONS = True
# Members are named by their display name (the profile's), never by the username allauth derives from the address.
ACCOUNT_USER_DISPLAY = "ospo_nl.auth_backends.user_display"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_CHANGE_EMAIL = True
ACCOUNT_EMAIL_SUBJECT_PREFIX = f"[{SITE_NAME}] "
ACCOUNT_DEFAULT_HTTP_PROTOCOL = "https" if SITE_URL.startswith("https") else "http"
# Where requests come from. Behind our own load balancer or proxy every request's REMOTE_ADDR is the proxy's:
# name the proxies in TRUSTED_PROXIES (addresses or networks) and the client address is read from the header
# they set (RATELIMIT_IP_HEADER), walking back past our own proxies only. From anyone else the header is
# ignored, so a client cannot pick its own address (ospo_nl.core.client_address).
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
RATELIMIT_IP_HEADER = "HTTP_" + env("RATELIMIT_IP_HEADER", "X-Forwarded-For").strip().upper().replace(
    "-", "_").removeprefix("HTTP_")
# Our own limits on posting, commenting, voting and reporting (ospo_nl.moderation.ratelimit), e.g.
# RATELIMITS="post=20/h/member,5/h/new,40/h/ip;vote=200/h/member": a signed-in member counts per account
# (`new` in their first week), a visitor per address (`ip`); unnamed ones keep their defaults.
RATELIMITS = {
    scope: {per: (amount, seconds) for amount, seconds, per in rates}
    for scope, rates in env_rates("RATELIMITS", per=("member", "new", "ip")).items()
}
# allauth's rate limits (sign-in, sign-up, password reset...), counted in the shared cache when CACHE_URL is
# set. Failed sign-ins lock one account from one address ("key" is account and address, see
# ospo_nl.auth_backends.AccountAdapter), not the whole address: behind one office NAT others keep signing in.
# ACCOUNT_RATE_LIMITS="login=30/m/ip;login_failed=5/5m/key" overrides per action (allauth's notation).
ACCOUNT_ADAPTER = "ospo_nl.auth_backends.AccountAdapter"
ACCOUNT_RATE_LIMITS = {
    "login_failed": "5/5m/key",
    **{action: ",".join(f"{amount}/{seconds}s/{per}" for amount, seconds, per in rates)
       for action, rates in env_rates("ACCOUNT_RATE_LIMITS", per=("ip", "user", "key")).items()},
}
ACCOUNT_SIGNUP_FORM_CLASS = "directory.forms.SignupExtraForm"
# Sign-in with an organisation's account (OpenID Connect), for each provider in OIDC_PROVIDERS (README). Without
# it there is no button and no query: providers come from these settings only, never from allauth's SocialApp
# table (ospo_nl.auth_backends.SocialAccountAdapter). A provider's address links to an existing account only
# when the provider says it verified it (email_verified); a sign-in without one is refused.
OIDC_PROVIDERS = env_oidc_providers("OIDC_PROVIDERS")
SOCIALACCOUNT_PROVIDERS = oidc_socialaccount_providers(OIDC_PROVIDERS)
SOCIALACCOUNT_ADAPTER = "ospo_nl.auth_backends.SocialAccountAdapter"
SOCIALACCOUNT_EMAIL_AUTHENTICATION = True
SOCIALACCOUNT_EMAIL_AUTHENTICATION_AUTO_CONNECT = True
SOCIALACCOUNT_AUTO_SIGNUP = True
MFA_SUPPORTED_TYPES = ["totp", "recovery_codes"]
MFA_TOTP_ISSUER = SITE_NAME
LOGIN_URL = "account_login"
LOGIN_REDIRECT_URL = "home"
ACCOUNT_LOGOUT_REDIRECT_URL = "home"

# E-mail (Django 6.1 MAILERS). EMAIL_BACKEND picks another backend. In development (DEBUG) mail is printed in the
# terminal as readable 8-bit text, so a link can be copied whole (Django's console backend prints quoted-printable).
EMAIL_BACKEND_PATH = env(
    "EMAIL_BACKEND",
    "ospo_nl.core.console_mail.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
MAILERS = {"default": {"BACKEND": EMAIL_BACKEND_PATH}}
if EMAIL_BACKEND_PATH.endswith("smtp.EmailBackend"):
    MAILERS["default"]["OPTIONS"] = {
        "host": env("EMAIL_HOST", "localhost"),
        "port": env_int("EMAIL_PORT", 25),
        "username": env("EMAIL_HOST_USER") or None,
        "password": env("EMAIL_HOST_PASSWORD") or None,
        "use_tls": env_bool("EMAIL_USE_TLS", False),
    }
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", "OSPO-NL <noreply@ospo-nl.example>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Who runs the site: the privacy statement and the colophon ("Over ons") name them (README, "Operator").
# The legal basis is one of the GDPR's (art. 6), as a key the pages translate; a typo stops the start.
OPERATOR_LEGAL_BASES = ("public_task", "contract", "legitimate_interest", "consent")
OPERATOR = {
    "name": env("OPERATOR_NAME", "OSPO-NL"),
    "address": env("OPERATOR_ADDRESS", ""),
    "website": env("OPERATOR_URL", ""),
    "contact_email": env("OPERATOR_CONTACT_EMAIL", "contact@ospo-nl.example"),
    "privacy_contact": env("OPERATOR_PRIVACY_CONTACT", ""),
    "privacy_email": env("OPERATOR_PRIVACY_EMAIL", "") or env("OPERATOR_CONTACT_EMAIL", "contact@ospo-nl.example"),
    "legal_basis": env("OPERATOR_LEGAL_BASIS", "public_task"),
    "backup_retention_days": env_int("OPERATOR_BACKUP_RETENTION_DAYS", 30),
}
if OPERATOR["legal_basis"] not in OPERATOR_LEGAL_BASES:
    raise ImproperlyConfigured(
        f"OPERATOR_LEGAL_BASIS={OPERATOR['legal_basis']!r} is not one of {', '.join(OPERATOR_LEGAL_BASES)}."
    )

# Background work: immediate in development and tests, a database queue in production.
TASKS = {
    "default": {
        "BACKEND": env("TASKS_BACKEND", "django.tasks.backends.immediate.ImmediateBackend"),
    }
}
# A task RUNNING longer than this was left by a worker that died: it is queued again, at most
# TASK_MAX_ATTEMPTS times in all, then marked failed (ospo_nl.core.task_recovery). Longer than any task runs.
TASK_RUNNING_TIMEOUT = env_int("TASK_RUNNING_TIMEOUT", 900)
TASK_MAX_ATTEMPTS = env_int("TASK_MAX_ATTEMPTS", 3)
# The worker and the scheduler touch these files while their loops run; the compose healthchecks read their age.
WORKER_HEARTBEAT_FILE = env("WORKER_HEARTBEAT_FILE", "/tmp/ospo-worker.alive")
SCHEDULER_HEARTBEAT_FILE = env("SCHEDULER_HEARTBEAT_FILE", "/tmp/ospo-scheduler.alive")
# Seconds a 503 answer asks clients to wait when the database is unreachable (ospo_nl.core.maintenance).
MAINTENANCE_RETRY_AFTER = env_int("MAINTENANCE_RETRY_AFTER", 30)
# Smoke tests only: every periodic job every N seconds instead of at its time (0: at its time).
SCHEDULE_EVERY_SECONDS = env_int("SCHEDULE_EVERY_SECONDS", 0)

# Internationalisation: Dutch first, English second.
LANGUAGE_CODE = "nl"
LANGUAGES = [("nl", _("Nederlands")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Amsterdam"
USE_I18N = True
USE_TZ = True

# Static files and uploads
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", str(BASE_DIR / "media")))
# Where uploads and imported images live: this node's MEDIA_ROOT, or an S3-compatible object store that every
# node shares (MinIO in compose). Either way the site serves them at MEDIA_URL (ospo_nl.core.media).
MEDIA_STORAGE = env("MEDIA_STORAGE", "filesystem").strip().lower()
if MEDIA_STORAGE == "filesystem":
    DEFAULT_STORAGE = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
elif MEDIA_STORAGE == "s3":
    if not env("MEDIA_S3_BUCKET"):
        raise ImproperlyConfigured("MEDIA_STORAGE=s3 needs MEDIA_S3_BUCKET (and MEDIA_S3_ENDPOINT_URL for MinIO).")
    DEFAULT_STORAGE = {
        "BACKEND": "ospo_nl.core.media_storage.S3MediaStorage",
        "OPTIONS": {
            "bucket_name": env("MEDIA_S3_BUCKET"),
            "endpoint_url": env("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": env("MEDIA_S3_REGION", "us-east-1"),
            # Credentials: AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY, read by boto3 itself (or an instance role).
            "addressing_style": "path" if env("MEDIA_S3_ENDPOINT_URL") else "auto",  # MinIO wants path style
            "signature_version": "s3v4",
            "default_acl": None,  # the bucket stays private: nobody reads it but the site
            "file_overwrite": False,  # a second upload with the same name gets a new name, as on disk
        },
    }
else:
    raise ImproperlyConfigured(f"MEDIA_STORAGE={MEDIA_STORAGE!r}: use filesystem or s3.")
STORAGES = {
    "default": DEFAULT_STORAGE,
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG or TESTING
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# Security: strict Content-Security-Policy (no inline script, no inline style).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "form-action": [CSP.SELF, *oidc_form_origins(OIDC_PROVIDERS)],
    "frame-ancestors": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if not DEBUG and not TESTING:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

TAGGIT_CASE_INSENSITIVE = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", "INFO")},
}

# Serve static files straight from the source folders in development and tests.
WHITENOISE_USE_FINDERS = DEBUG or TESTING
WHITENOISE_AUTOREFRESH = DEBUG or TESTING
