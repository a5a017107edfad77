"""Settings for uxosector, driven by the environment.

Everything has a safe default for a newcomer's machine; production sets
SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import os
from pathlib import Path

import dj_database_url
import django.conf.locale
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent


def env_bool(name: str, default: bool = False) -> bool:
    value = os.environ.get(name)
    if value is None or value == "":
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name: str, default: list[str]) -> list[str]:
    value = os.environ.get(name)
    if not value:
        return default
    return [item.strip() for item in value.split(",") if item.strip()]


DEBUG = env_bool("DEBUG")

# Without a key and without DEBUG the settings still load, so that `check`,
# `makemigrations` and the like run anywhere; Django refuses whatever would sign with
# an empty key, and uxosector/wsgi.py refuses to serve (runserver and gunicorn load it).
SECRET_KEY = os.environ.get("SECRET_KEY", "") or (
    "dev-only-insecure-key-never-use-in-production" if DEBUG else ""
)
NO_SECRET_KEY = "Set SECRET_KEY, or DEBUG=1 for a development key."

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"] if DEBUG else [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "simple_history",
    "crispy_forms",
    "crispy_bootstrap5",
    "accounts",
    "indicators",
    "reporting",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "indicators.cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "uxosector.urls"
WSGI_APPLICATION = "uxosector.wsgi.application"

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
                "accounts.context_processors.roles",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "0")),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Language. Django ships no Lao locale: register it, point at our formats module
# (CLDR: decimal ",", grouping "."), and keep a compiled catalog in locale/lo, without
# which Django treats "lo" as unknown and silently falls back to English formats.
django.conf.locale.LANG_INFO["lo"] = {
    "bidi": False,
    "code": "lo",
    "name": "Lao",
    "name_local": "ລາວ",
}
LANGUAGE_CODE = "lo"
LANGUAGES = [("lo", _("Lao")), ("en", _("English"))]
# locale/ holds our strings (makemessages); locale/django/ holds Lao for Django's own
# strings (forms, months, admin), which Django does not ship.
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale" / "django"]
FORMAT_MODULE_PATH = ["uxosector.formats"]
USE_I18N = True
# Years and ids must not be grouped ("2.023"); numbers for people go through the
# `number` and `percent` filters, which group explicitly.
USE_THOUSAND_SEPARATOR = False
TIME_ZONE = "Asia/Vientiane"
USE_TZ = True

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "home"

# Data quality: a year-over-year change larger than this factor (up or down) is flagged.
QUALITY_CHANGE_FACTOR = float(os.environ.get("QUALITY_CHANGE_FACTOR", "3"))

# Largest file of figures accepted for import (bytes).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(5 * 1024 * 1024)))

MEDIA_URL = "media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media")))
# Largest annex accepted (bytes).
ANNEX_MAX_BYTES = int(os.environ.get("ANNEX_MAX_BYTES", str(10 * 1024 * 1024)))

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
# Hashed names (cached for a year by browsers) and gzip + brotli files made by
# collectstatic, served by WhiteNoise from the application server itself.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Public pages are cached on the server; a change to any figure or target bumps a
# version number that is part of every key (indicators/cache.py).
# The default is a file cache: shared by all the server's worker processes, so a
# change made through one worker is seen by every other. Clear it after a deploy
# (`python manage.py clear_page_cache`).
CACHES = {
    "default": {
        "BACKEND": os.environ.get(
            "CACHE_BACKEND", "django.core.cache.backends.filebased.FileBasedCache"
        ),
        "LOCATION": os.environ.get("CACHE_LOCATION", str(BASE_DIR / ".cache" / "pages")),
        "TIMEOUT": int(os.environ.get("CACHE_TIMEOUT", str(24 * 3600))),
    }
}

SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", not DEBUG)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "INFO")},
    # WeasyPrint and fontTools report every layout step and font at INFO.
    "loggers": {
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
}
