# gunicorn only on the loopback interface: no other machine can reach it,
# but every user of this one can.
bind = "127.0.0.1:8001"
workers = 2
