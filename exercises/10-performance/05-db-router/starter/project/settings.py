# A minimal Django project for this exercise (you don't need to change it).
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "django.contrib.contenttypes",
    "django.contrib.auth",
    "shop",
    "analytics",
]

DATABASES = {
    # The shop's own data: products, orders, users.
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
    },
    # A separate database for the flood of analytics rows, so that they
    # never slow the shop down.
    "analytics": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/analytics.sqlite3",
    },
}

# Django asks these routers, in order, which database to use.
DATABASE_ROUTERS = ["project.routers.AnalyticsRouter"]

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
