# A minimal Django project for this exercise (you don't need to change it).
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "core",
]

MIDDLEWARE = [
    "core.middleware.AccessMiddleware",
]

ROOT_URLCONF = "project.urls"

# The keys that may use /api/. Read them from django.conf.settings at
# request time: they change without the code changing.
API_KEYS = [
    "k-3f9a-alpha-7c21",
    "k-88d0-beta-1e4b",
]

# Addresses that get nothing at all, on any path.
BLOCKED_IPS = [
    "203.0.113.66",
    "2001:db8::bad",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
