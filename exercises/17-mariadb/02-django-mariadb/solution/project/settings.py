# The library's Django project, on the sandbox's MariaDB.
SECRET_KEY = "drill-exercise-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["*"]

INSTALLED_APPS = [
    "library",
]

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.mysql",
        "NAME": "drill",
        "USER": "drill",
        "HOST": "/srv/run/mysqld.sock",  # a path: the server's unix socket
        "OPTIONS": {
            # MySQLdb's "utf8" is MariaDB's utf8mb3: three bytes a character
            # at most, so no emoji. utf8mb4 is all of Unicode.
            "charset": "utf8mb4",
            # Strict mode on every connection, whatever the server's
            # default: a value that does not fit is an error, not cut short.
            "init_command": "SET sql_mode = 'STRICT_TRANS_TABLES'",
        },
    }
}

USE_TZ = True
TIME_ZONE = "UTC"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
