# A minimal Django project for this exercise (you don't need to change it).
import os

SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "people",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        # The tests migrate databases of their own, named in DRILL_DB.
        "NAME": os.environ.get("DRILL_DB", "/tmp/db.sqlite3"),
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
