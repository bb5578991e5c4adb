import json
import os

from flask import Flask, abort, request

# One application, made when the package is imported: every test, every
# configuration and every catalogue would share it. Replace it with
# create_app() below, and move the views into the blueprints of site.py and
# books.py.
app = Flask(__name__)
app.config["SITE_NAME"] = "The Library"
app.config["MAX_RESULTS"] = 20

with open(os.path.join(os.path.dirname(__file__), "catalogue.json"), encoding="utf-8") as f:
    BOOKS = json.load(f)


@app.get("/")
def index():
    return {"name": app.config["SITE_NAME"], "books": "/api/books"}


@app.get("/api/books")
def list_books():
    shown = BOOKS[: app.config["MAX_RESULTS"]]
    return {"total": len(BOOKS), "books": [{**book, "url": f"/api/books/{book['id']}"} for book in shown]}


@app.get("/api/books/<int:book_id>")
def get_book(book_id):
    for book in BOOKS:
        if book["id"] == book_id:
            return {**book, "url": f"/api/books/{book['id']}"}
    abort(404)


def create_app(config=None):
    """A new application, configured by the defaults, LIBRARY_* environment
    variables, then config (see README.md)."""
    return app
