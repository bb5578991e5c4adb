"""The shop's API (you don't need to change it): nginx stands in front of
it, and the limits are nginx's job."""
import hashlib
import os

from flask import Flask, jsonify, request

app = Flask(__name__)


def proof():
    # The tests start gunicorn with SHOP_PROOF set to a value they choose
    # each run: this digest shows them that the answer came from this app,
    # not from a reply written into nginx.conf.
    nonce = request.args.get("nonce", "")
    return hashlib.sha256(f"{os.environ.get('SHOP_PROOF', '')}:{nonce}".encode()).hexdigest()


@app.get("/")
def home():
    return "Welcome to the shop\n", 200, {"Content-Type": "text/plain"}


@app.post("/upload")
def upload():
    """A product photo: up to 8 MiB."""
    return jsonify(received=len(request.get_data()), proof=proof())


@app.get("/api/products")
def products():
    return jsonify(products=["lamp", "mug", "notebook"], proof=proof())


@app.post("/api/notes")
def notes():
    """A note about an order: a small JSON document."""
    return jsonify(received=len(request.get_data()), proof=proof())
