from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from diary import login_manager
from diary.database import db
from diary.models import User

bp = Blueprint("auth", __name__)


@login_manager.user_loader
def load_user(user_id):
    # The session keeps only the user's id (signed, not secret); the user
    # is read again at each request.
    return db.session.get(User, int(user_id))


def safe_next(target):
    """target if it is a path on this site, else the diary: never send a
    user who just logged in to another site."""
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
    # A salted, slow hash ("scrypt:32768:8:1$<salt>$<hash>"): never the password.
    password_hash = generate_password_hash(password, method=current_app.config["PASSWORD_HASH_METHOD"])
    db.session.add(User(username=username, password_hash=password_hash))
    db.session.commit()
    return redirect(url_for("auth.login"), code=303)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = db.session.scalar(db.select(User).filter_by(username=request.form.get("username", "").strip()))
    if user is None or not check_password_hash(user.password_hash, request.form.get("password", "")):
        # The same answer for both: nobody learns which usernames exist.
        return render_template("login.html", error="Wrong username or password."), 401
    login_user(user)
    return redirect(safe_next(request.args.get("next")), code=303)


# A POST (which the CSRF check covers), never a GET: any page on the web
# could log a user out with <img src="/logout">.
@bp.route("/logout", methods=["GET", "POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("auth.login"), code=303)
