# gunicorn's configuration. gunicorn runs this file as Python and reads its
# settings from the module-level names: `workers = 3` sets the number of
# worker processes. Replace what is here with the settings in README.md.
import os  # noqa: F401

bind = "127.0.0.1:8000"
workers = 1
