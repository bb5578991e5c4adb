# The API's Django project (you don't need to change it).
from datetime import timedelta

SECRET_KEY = "drill-exercise-not-secret-but-long-enough-for-hs256-signing"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "rest_framework",
    "recipes",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
    }
}

# Throttling counts requests in the cache.
CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
    }
}

REST_FRAMEWORK = {
    # Every request is authenticated by its "Authorization: Bearer <token>"
    # header, if it has one.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework_simplejwt.authentication.JWTAuthentication",
    ],
    # The rates your throttles use: "anon" and "user" for AnonRateThrottle
    # and UserRateThrottle, "register" for a ScopedRateThrottle with
    # throttle_scope = "register".
    "DEFAULT_THROTTLE_RATES": {
        "anon": "20/minute",
        "user": "50/minute",
        "register": "3/hour",
    },
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}

SIMPLE_JWT = {
    "ACCESS_TOKEN_LIFETIME": timedelta(minutes=5),
    "REFRESH_TOKEN_LIFETIME": timedelta(days=1),
    "AUTH_HEADER_TYPES": ("Bearer",),
}

# A fast password hasher so the tests run quickly. Never use it in production:
# the default (PBKDF2) is slow on purpose.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
