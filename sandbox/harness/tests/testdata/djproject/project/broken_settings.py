from project.settings import *  # noqa: F401,F403

INSTALLED_APPS = INSTALLED_APPS + ["brokenapp"]  # noqa: F405
