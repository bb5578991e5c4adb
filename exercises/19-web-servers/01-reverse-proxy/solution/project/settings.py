# The shop's settings. It runs behind nginx, which ends HTTPS and passes
# every request on to gunicorn: see README.md for what to add here.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False

# The host names the shop answers to.
ALLOWED_HOSTS = ["shop.example", "www.shop.example"]

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

# nginx ends HTTPS and tells Django which scheme the client used in
# X-Forwarded-Proto, which it always sets itself: trust it. This is safe
# only because nothing but nginx can reach gunicorn (see gunicorn.conf.py).
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# nginx passes the client's own Host header on, so Django's get_host()
# already reads the right name. X-Forwarded-Host is whatever the client
# sent (nginx doesn't set it): never trust it.
USE_X_FORWARDED_HOST = False
