from flask import Blueprint, abort, current_app, request, url_for

# Its routes are relative: create_app puts them under the API_PREFIX.
bp = Blueprint("books", __name__)


def all_books():
    """The books of the app handling this request."""
    return current_app.extensions["library"]["books"]


def as_json(book):
    # ".get_book" is this blueprint's get_book, wherever it was registered.
    return {**book, "url": url_for(".get_book", book_id=book["id"])}


@bp.get("/api/books")
def list_books():
    found = all_books()
    author = request.args.get("author", "").strip().lower()
    if author:
        found = [book for book in found if book["author"].lower() == author]
    shown = found[: current_app.config["MAX_RESULTS"]]
    return {"total": len(found), "books": [as_json(book) for book in shown]}


@bp.get("/api/books/<int:book_id>")
def get_book(book_id):
    for book in all_books():
        if book["id"] == book_id:
            return as_json(book)
    abort(404)
