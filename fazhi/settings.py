"""Settings, all read from the environment in this one module.

DATABASE_URL  default: an SQLite file under var/
SECRET_KEY    default: generated once into var/secret_key
FAZHI_DATA_KEY  base64 of 32 bytes for personal-data encryption; default generated into var/data_key
DEBUG, ALLOWED_HOSTS
"""

import os
import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(os.environ.get("FAZHI_VAR_DIR", BASE_DIR / "var"))
VAR_DIR.mkdir(parents=True, exist_ok=True)


def _env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def _secret_from_file(name: str, make) -> str:
    """Read a secret from var/, creating it once when absent (never committed)."""
    path = VAR_DIR / name
    if not path.exists():
        path.write_text(make())
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = os.environ.get("SECRET_KEY") or _secret_from_file(
    "secret_key", lambda: secrets.token_urlsafe(50)
)
DEBUG = _env_bool("DEBUG", False)
ALLOWED_HOSTS = [
    h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()
]
CSRF_TRUSTED_ORIGINS = [
    o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()
]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "simple_history",
    "django_htmx",
    "csp",
    "fazhi.core",
    *[f"fazhi.{app}" for app in (
        "study", "functions", "disclosure", "normative", "decisions", "enforcement", "publicity",
        "judicial", "disputes", "grid", "safety", "leadership", "reports", "supervision",
    )],
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
]

ROOT_URLCONF = "fazhi.urls"
WSGI_APPLICATION = "fazhi.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "fazhi.core.context_processors.shell",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL") or f"sqlite:///{VAR_DIR / 'fazhi.sqlite3'}",
        conn_max_age=60,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Writers wait for each other instead of failing at once ("database is locked").
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "core.User"
LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/workbench/"
LOGOUT_REDIRECT_URL = "/"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "fazhi.core.accounts.CharacterClassValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
]

# Accounts: lock after 5 failures in a row, for 15 minutes; idle sessions end after 30 minutes.
FAZHI_LOGIN_MAX_FAILURES = 5
FAZHI_LOGIN_LOCK_MINUTES = 15
SESSION_COOKIE_AGE = 30 * 60
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False

LANGUAGE_CODE = "zh-hans"
TIME_ZONE = "Asia/Shanghai"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
if _env_bool("FAZHI_PLAIN_STATIC", False):
    STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}

# Attachments: evidence files, checked on upload.
FAZHI_ATTACHMENT_MAX_BYTES = int(os.environ.get("FAZHI_ATTACHMENT_MAX_BYTES", 50 * 1024 * 1024))
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024

# Personal data: AES-GCM key (base64 of 32 bytes).
FAZHI_DATA_KEY = os.environ.get("FAZHI_DATA_KEY") or _secret_from_file(
    "data_key", lambda: __import__("base64").b64encode(secrets.token_bytes(32)).decode()
)

# Security headers on every response.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_SECURE = _env_bool("SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF],
        # Swagger UI and the admin set style attributes; no inline script is allowed anywhere.
        "style-src": [SELF, "'unsafe-inline'"],
        "img-src": [SELF, "data:"],
        "font-src": [SELF, "data:"],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "fazhi.core.api_errors.exception_handler",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "法治 Fazhi API",
    "DESCRIPTION": "乡镇法治政府建设管理平台接口",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # Stable, readable names for choice sets that share a field name across modules.
    "ENUM_NAME_OVERRIDES": {
        "EnforcementProcedureEnum": "fazhi.enforcement.models.Procedure",
        "ReconsiderationProcedureEnum": "fazhi.judicial.models.ReconsiderationCase.Procedure",
        "EnforcementOutcomeEnum": "fazhi.enforcement.models.Outcome",
        "JudicialOutcomeEnum": "fazhi.judicial.models.Outcome",
        "DisputeOutcomeEnum": "fazhi.disputes.models.Outcome",
        "LetterKindEnum": "fazhi.disclosure.models.LetterKind",
        "RedactionKindEnum": "fazhi.disclosure.models.Redaction.Kind",
        "CaseRecordKindEnum": "fazhi.enforcement.models.CaseRecord.Kind",
        "InspectionKindEnum": "fazhi.enforcement.models.Inspection.Kind",
        "ListChangeKindEnum": "fazhi.functions.models.ListChange.Kind",
        "GridEventKindEnum": "fazhi.grid.models.GridEvent.Kind",
        "ResolutionKindEnum": "fazhi.judicial.models.ResolutionCase.Kind",
        "ParagraphKindEnum": "fazhi.reports.models.Paragraph.Kind",
        "PatrolKindEnum": "fazhi.safety.models.Patrol.Kind",
        "TownKindEnum": "fazhi.core.models.org.Town.Kind",
        "VillageKindEnum": "fazhi.core.models.org.Village.Kind",
        "DecisionCategoryEnum": "fazhi.decisions.models.Category",
        "ProactiveCategoryEnum": "fazhi.disclosure.models.ProactiveCategory",
        "DisputeCategoryEnum": "fazhi.disputes.models.Category",
        "MatterCategoryEnum": "fazhi.enforcement.models.Matter.Category",
        "PowerCategoryEnum": "fazhi.functions.models.PowerCategory",
        "ReturnVisitMethodEnum": "fazhi.disputes.models.ReturnVisit.Method",
        "DisputeLevelEnum": "fazhi.disputes.models.Level",
        "HazardLevelEnum": "fazhi.safety.models.Hazard.Level",
        "StudySessionFormEnum": "fazhi.study.models.StudySession.Form",
        "ReplyReasonEnum": "fazhi.disclosure.models.ReplyReason",
        "InspectionResultEnum": "fazhi.enforcement.models.Inspection.Result",
        "CommitmentResultEnum": "fazhi.functions.models.Commitment.Result",
        "NormativeReviewResultEnum": "fazhi.normative.models.Review.Result",
        "ApplicantTypeEnum": "fazhi.disclosure.models.ApplicantType",
        "DeliveryWantedEnum": "fazhi.disclosure.models.DeliveryMethod",
        "ConsultKindEnum": "fazhi.disclosure.models.ConsultKind",
        "ConsultOpinionEnum": "fazhi.disclosure.models.ConsultOpinion",
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
