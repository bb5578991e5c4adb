from flask import Blueprint, current_app, url_for

bp = Blueprint("site", __name__)


@bp.get("/")
def index():
    return {"name": current_app.config["SITE_NAME"], "books": url_for("books.list_books")}
