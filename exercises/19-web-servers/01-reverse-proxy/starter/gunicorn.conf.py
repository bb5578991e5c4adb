# gunicorn's configuration: the tests start
#   gunicorn -c gunicorn.conf.py project.wsgi:application
# in this directory. See README.md for where it must listen.
bind = "127.0.0.1:8000"
workers = 2
