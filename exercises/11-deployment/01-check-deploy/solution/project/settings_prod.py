# Production settings: everything from the base settings, then the
# changes that production needs (see README.md).
import os

from django.core.exceptions import ImproperlyConfigured

from project.settings import *  # noqa: F401,F403

DEBUG = False

# Never in the code: each environment gets its own, from outside. Without
# one the site must not start, rather than run with a guessable key.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured("Set the DJANGO_SECRET_KEY environment variable.")

# Only requests for our own name; anything else gets 400 Bad Request.
ALLOWED_HOSTS = ["shop.example.com"]

# Send every plain-HTTP request to https://. The proxy in front of Django
# ends TLS and says so in X-Forwarded-Proto; without trusting that header,
# every request would look like plain HTTP and be redirected for ever.
SECURE_SSL_REDIRECT = True
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# HSTS: browsers remember for a year to use only HTTPS, for subdomains too.
SECURE_HSTS_SECONDS = 31536000
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True

# Cookies only travel over HTTPS.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
