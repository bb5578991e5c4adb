from flask import Blueprint, g, redirect, render_template, request, url_for

from diary.auth import login_required
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
            return render_template("diary.html", user=g.user, error="Write something first."), 400
        db.session.add(Entry(user_id=g.user.id, text=text))
        db.session.commit()
        return redirect(url_for("diary.diary"))
    return render_template("diary.html", user=g.user)
