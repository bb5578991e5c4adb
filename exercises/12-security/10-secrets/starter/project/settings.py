# The project's settings. (Only the payment settings at the end concern
# this exercise.)
import os  # noqa: F401

# A dummy for this exercise: a real project reads its SECRET_KEY from the
# environment too.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "payments",
]

MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]

ROOT_URLCONF = "project.urls"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# The payment provider.
PAYMENTS_API_URL = "https://api.payments.example/v1/charges"
PAYMENTS_API_KEY = "sk_live_51JfQx2Lk8ZpTq7RvW3mN9cYb"
