from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from diary.database import db
from diary.models import Entry

bp = Blueprint("diary", __name__)


@bp.get("/")
def index():
    return redirect(url_for("diary.diary"))


@bp.route("/diary", methods=["GET", "POST"])
def diary():
    # Still to do: the user who logged in; anybody else goes to the login page.
    user = None
    if user is None:
        return redirect(url_for("auth.login"))
    if request.method == "POST":
        text = request.form.get("text", "").strip()
        if not text:
            return render_template("diary.html", user=user, error="Write something first."), 400
        db.session.add(Entry(user_id=user.id, text=text))
        db.session.commit()
        return redirect(url_for("diary.diary"), code=303)
    return render_template("diary.html", user=user)
