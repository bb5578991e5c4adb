# The Django project of this exercise, on the sandbox's PostgreSQL (you
# don't need to change it). The tests run on Django's test database,
# test_drill, which the test run creates and removes.

SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.postgres",
    "events",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "drill",
        "USER": "drill",
        "HOST": "/srv/run",  # the server's unix socket
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
