# The shop's settings. See README.md for what static files need here.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = False
ALLOWED_HOSTS = ["shop.example"]

INSTALLED_APPS = [
    "django.contrib.staticfiles",
    "shop",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.common.CommonMiddleware",
]

ROOT_URLCONF = "project.urls"
WSGI_APPLICATION = "project.wsgi.application"
DATABASES = {}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "APP_DIRS": True,
    },
]

USE_TZ = True
TIME_ZONE = "UTC"

# Static files: the CSS, scripts and images under shop/static/.
STATIC_URL = "static/"

# collectstatic copies every app's static files here, where nginx serves
# them; Django never does.
STATIC_ROOT = "/tmp/shop/static"
