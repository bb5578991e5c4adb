import functools

from flask import Blueprint, current_app, g, redirect, render_template, request, session, url_for
from werkzeug.security import check_password_hash, generate_password_hash

from diary.database import db
from diary.models import User

bp = Blueprint("auth", __name__)


@bp.before_app_request
def load_user():
    # Checked again at each request, so that a changed password logs out.
    g.user = None
    saved = session.get("login")
    if saved:
        user = db.session.scalar(db.select(User).filter_by(username=saved["username"]))
        if user is not None and check_password_hash(user.password_hash, saved["password"]):
            g.user = user


def login_required(view):
    @functools.wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return view(*args, **kwargs)
    return wrapped


def safe_next(target):
    if target and target.startswith("/") and not target.startswith("//") and "\\" not in target:
        return target
    return url_for("diary.diary")


@bp.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "GET":
        return render_template("register.html")
    username = request.form.get("username", "").strip()
    password = request.form.get("password", "")
    error = None
    if not username or len(username) > 30:
        error = "Choose a username of 1 to 30 characters."
    elif len(password) < 8:
        error = "Choose a password of at least 8 characters."
    elif db.session.scalar(db.select(User).filter_by(username=username)) is not None:
        error = "That username is taken."
    if error:
        return render_template("register.html", error=error), 400
    password_hash = generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    db.session.add(User(username=username, password_hash=password_hash))
    db.session.commit()
    return redirect(url_for("auth.login"))


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = db.session.scalar(db.select(User).filter_by(username=request.form.get("username", "").strip()))
    if user is None or not check_password_hash(user.password_hash, request.form.get("password", "")):
        return render_template("login.html", error="Wrong username or password."), 401
    session.clear()
    session["login"] = {"username": user.username, "password": request.form.get("password", "")}
    return redirect(safe_next(request.args.get("next")))


@bp.post("/logout")
@login_required
def logout():
    session.clear()
    return redirect(url_for("auth.login"))
