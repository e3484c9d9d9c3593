"""Settings for the test suite: the real settings, with fast password hashing, plain static
files (no manifest needed) and media under a throwaway folder."""

import os
import tempfile

os.environ.setdefault("FAZHI_PLAIN_STATIC", "1")

from .settings import *  # noqa: E402,F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MEDIA_ROOT = tempfile.mkdtemp(prefix="fazhi-test-media-")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Serve static files straight from the apps, without collectstatic.
STATIC_ROOT = tempfile.mkdtemp(prefix="fazhi-test-static-")
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
