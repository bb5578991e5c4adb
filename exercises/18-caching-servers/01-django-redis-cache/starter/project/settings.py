# The project's settings (you don't need to change this file: the cache's
# settings are in project/cache_settings.py, imported at the end).
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "catalog",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"

# One SQLite file, for the tests too (TEST NAME), so that a second process
# of the project, as a second web worker would be, sees the same data.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/catalog.sqlite3",
        "TEST": {"NAME": "/tmp/catalog.sqlite3"},
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

from project.cache_settings import CACHES  # noqa: E402,F401
