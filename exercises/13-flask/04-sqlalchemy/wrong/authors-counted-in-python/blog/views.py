from datetime import date

from flask import Blueprint, abort, request, url_for
from sqlalchemy import func
from sqlalchemy.orm import joinedload, selectinload

from blog.database import db
from blog.models import Author, Post, Tag

bp = Blueprint("blog", __name__)


def post_json(post, body=False):
    data = {
        "id": post.id,
        "title": post.title,
        "author": post.author.name,
        "published": post.published.isoformat() if post.published else None,
        "tags": sorted(tag.name for tag in post.tags),
    }
    if body:
        data["body"] = post.body
    return data


def published_posts():
    """A select() of the published posts, each with its author and tags
    loaded in a query or two for all of them (not one per post)."""
    return (
        db.select(Post)
        .where(Post.published.is_not(None))
        .options(joinedload(Post.author), selectinload(Post.tags))
    )


@bp.get("/posts")
def list_posts():
    query = published_posts()
    author = request.args.get("author")
    if author:
        query = query.where(Post.author.has(Author.name == author))
    tag = request.args.get("tag")
    if tag:
        query = query.where(Post.tags.any(Tag.name == tag))
    query = query.order_by(Post.published.desc(), Post.id.desc())
    # paginate runs a COUNT and a query with LIMIT and OFFSET, keeps
    # per_page at most max_per_page, and answers 404 for a page before the
    # first or after the last.
    page = db.paginate(
        query,
        page=request.args.get("page", 1, type=int),
        per_page=request.args.get("per_page", 10, type=int),
        max_per_page=50,
    )
    return {
        "page": page.page,
        "per_page": page.per_page,
        "total": page.total,
        "pages": page.pages,
        "posts": [post_json(post) for post in page.items],
    }


@bp.get("/posts/<int:post_id>")
def get_post(post_id):
    # Drafts too: lists leave them out, but their author can look at them.
    return post_json(db.get_or_404(Post, post_id), body=True)


@bp.get("/authors")
def list_authors():
    # One query: the outer join keeps authors without posts (their count is
    # 0); the published condition is part of the join, not a WHERE, or it
    # would drop them again.
    rows = [
        (author.name, len([post for post in author.posts if post.published is not None]))
        for author in db.session.scalars(db.select(Author))
    ]
    rows.sort(key=lambda row: (-row[1], row[0]))
    return {"authors": [{"name": name, "posts": posts} for name, posts in rows]}


def bad_request(message):
    abort(400, description=message)


def tags_named(names):
    """The tags with these names, made when they do not exist yet."""
    found = {tag.name: tag for tag in db.session.scalars(db.select(Tag).where(Tag.name.in_(names)))}
    return [found.get(name) or Tag(name=name) for name in names]


@bp.post("/posts")
def create_post():
    data = request.get_json(silent=True)
    if not isinstance(data, dict):
        bad_request("The body must be a JSON object.")
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        bad_request("title must be a string that is not blank.")
    author = db.session.scalar(db.select(Author).where(Author.name == data.get("author")))
    if author is None:
        bad_request("author must be the name of an author.")
    names = data.get("tags", [])
    if not isinstance(names, list) or not all(isinstance(name, str) and name.strip() for name in names):
        bad_request("tags must be a list of names.")
    names = sorted({name.strip().lower() for name in names})
    published = data.get("published")
    if published is not None:
        try:
            published = date.fromisoformat(published)
        except (TypeError, ValueError):
            bad_request("published must be a date, YYYY-MM-DD, or null.")
    body = data.get("body", "")
    if not isinstance(body, str):
        bad_request("body must be a string.")
    post = Post(title=title.strip(), body=body, published=published, author=author, tags=tags_named(names))
    db.session.add(post)
    db.session.commit()
    return post_json(post, body=True), 201, {"Location": url_for("blog.get_post", post_id=post.id)}
