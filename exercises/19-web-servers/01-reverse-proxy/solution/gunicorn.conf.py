# gunicorn's configuration: the tests start
#   gunicorn -c gunicorn.conf.py project.wsgi:application
# in this directory.

# A unix socket instead of a TCP port: nginx reaches it by its path, and
# the file's permissions decide who else may. gunicorn makes it with this
# umask (0 by default: anyone may connect); 0o077 leaves it to the user
# that runs nginx and gunicorn. A client that could reach gunicorn
# directly could send its own X-Forwarded-Proto, and Django would believe it.
bind = "unix:/tmp/shop/gunicorn.sock"
umask = 0o077
workers = 2
