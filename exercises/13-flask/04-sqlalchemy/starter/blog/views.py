from datetime import date

from flask import Blueprint, abort, request, url_for
from sqlalchemy import func
from sqlalchemy.orm import joinedload, selectinload

from blog.database import db
from blog.models import Author, Post, Tag

bp = Blueprint("blog", __name__)


@bp.get("/posts")
def list_posts():
    # Every post, in no particular order, and all on one page: see README.md.
    posts = db.session.scalars(db.select(Post)).all()
    return {"page": 1, "per_page": len(posts), "total": len(posts), "pages": 1,
            "posts": [{"id": post.id, "title": post.title} for post in posts]}


# Still to do: get_post, list_authors and create_post.
