# A unix socket, made with gunicorn's default umask (0): anyone may connect.
bind = "unix:/tmp/shop/gunicorn.sock"
workers = 2
