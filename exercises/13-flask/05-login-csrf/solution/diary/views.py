from flask import Blueprint, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from diary.database import db
from diary.models import Entry

bp = Blueprint("diary", __name__)


@bp.get("/")
def index():
    return redirect(url_for("diary.diary"))


@bp.route("/diary", methods=["GET", "POST"])
@login_required
def diary():
    if request.method == "POST":
        text = request.form.get("text", "").strip()
        if not text:
            return render_template("diary.html", user=current_user, error="Write something first."), 400
        db.session.add(Entry(user_id=current_user.id, text=text))
        db.session.commit()
        return redirect(url_for("diary.diary"), code=303)
    return render_template("diary.html", user=current_user)
