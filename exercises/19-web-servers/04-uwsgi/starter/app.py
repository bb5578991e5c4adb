"""The shop's app (you don't need to change it). Its pages show what a
server does with a request: which process and thread answered it, what
the app was told about the client, and what happens to slow requests."""
import hashlib
import os
import re
import threading
import time

from flask import Flask, abort, jsonify, request

app = Flask(__name__)

# Where /together/ counts its requests: a file per group, shared by every
# process of the server.
TOGETHER = "/tmp/shop/together"


def proof():
    # The tests start the server with SHOP_PROOF set to a value they choose
    # each run: this digest shows them that the answer came from this app,
    # not from a reply written into nginx.conf.
    nonce = request.args.get("nonce", "")
    return hashlib.sha256(f"{os.environ.get('SHOP_PROOF', '')}:{nonce}".encode()).hexdigest()


@app.get("/")
def home():
    return "Welcome to the shop\n", 200, {"Content-Type": "text/plain"}


@app.get("/info/")
def info():
    return jsonify(
        pid=os.getpid(),
        parent=os.getppid(),
        thread=threading.get_ident(),
        uwsgi="uwsgi.version" in request.environ,
        remote_addr=request.remote_addr,
        host=request.host,
        path=request.path,
        query=request.query_string.decode(),
        proof=proof(),
    )


@app.post("/echo/")
def echo():
    return jsonify(received=request.get_json(silent=True), proof=proof())


@app.get("/together/")
def together():
    """Wait (up to 5 s) until `n` requests of the same `group` are here at
    once: only a server that handles that many requests at the same time
    lets them all meet."""
    group, n = request.args.get("group", ""), int(request.args.get("n", "1"))
    if not re.fullmatch(r"[0-9a-f]{1,32}", group):
        abort(400)
    os.makedirs(TOGETHER, exist_ok=True)
    path = os.path.join(TOGETHER, group)
    with open(path, "a") as f:
        f.write(".")
    deadline = time.monotonic() + 5
    while os.path.getsize(path) < n and time.monotonic() < deadline:
        time.sleep(0.02)
    return jsonify(
        met=os.path.getsize(path) >= n,
        pid=os.getpid(),
        parent=os.getppid(),
        thread=threading.get_ident(),
        proof=proof(),
    )


@app.get("/sleep/")
def sleep():
    """A slow request: it takes `seconds`."""
    time.sleep(float(request.args.get("seconds", "0")))
    return jsonify(slept=True, pid=os.getpid(), proof=proof())
