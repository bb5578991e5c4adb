SECRET_KEY = "drill-host-test-not-secret"
DEBUG = True
ALLOWED_HOSTS = []
INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "django.contrib.sessions",
    "shop",
]
MIDDLEWARE = [
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
]
ROOT_URLCONF = "project.urls"
DATABASES = {
    # Never created: tests get in-memory databases.
    "default": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/nonexistent/default.sqlite3"},
    "other": {"ENGINE": "django.db.backends.sqlite3", "NAME": "/nonexistent/other.sqlite3"},
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
USE_TZ = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"
GREETING = "hello"
FAREWELL = "bye"
