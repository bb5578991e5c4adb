# The shop's settings. It runs behind nginx, which ends HTTPS and passes
# every request on to gunicorn: see README.md for what to add here.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False

# The host names the shop answers to.
ALLOWED_HOSTS = []

INSTALLED_APPS = []

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"
DATABASES = {}

USE_TZ = True
TIME_ZONE = "UTC"
