# The shop's settings. Two copies of the app run side by side, each its own
# gunicorn with its own processes: see README.md.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["shop.example"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "shop",
]

MIDDLEWARE = [
    "project.instance.InstanceHeader",  # keep: the X-Instance header
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"

# One SQLite database, a file both instances open.
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/scaling/db.sqlite3",
    }
}

# Sessions in the database both instances share (a cache in process
# memory, LocMemCache, is one per process: a visitor's session would be
# there only for the process that made it).
SESSION_ENGINE = "django.contrib.sessions.backends.db"

# Uploaded files in a directory both instances share, not in a process.
MEDIA_ROOT = "/tmp/scaling/media"

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
