from flask import Blueprint, current_app, redirect, render_template, request, url_for
from flask_login import login_required, login_user, logout_user
from werkzeug.security import check_password_hash, generate_password_hash

from diary.database import db
from diary.models import User

bp = Blueprint("auth", __name__)


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
    db.session.add(User(username=username, password_hash=password))
    db.session.commit()
    return redirect(url_for("auth.login"), code=303)


@bp.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "GET":
        return render_template("login.html")
    user = db.session.scalar(db.select(User).filter_by(username=request.form.get("username", "").strip()))
    if user is None or user.password_hash != request.form.get("password", ""):
        return render_template("login.html", error="Wrong username or password."), 401
    # Still to do: remember who logged in, and go back to ?next=.
    return redirect(url_for("diary.diary"), code=303)


@bp.route("/logout")
def logout():
    # Still to do: forget who logged in.
    return redirect(url_for("auth.login"), code=303)
