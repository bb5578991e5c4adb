"""The diary's tables (you don't need to change them)."""

from flask_login import UserMixin
from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from diary.database import db


class User(UserMixin, db.Model):
    """Somebody with a diary. UserMixin gives Flask-Login what it needs
    (is_authenticated, get_id() and the like)."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(30), unique=True)
    # What is stored in here is up to diary/auth.py.
    password_hash: Mapped[str] = mapped_column(String(256))

    entries: Mapped[list["Entry"]] = relationship(back_populates="user", order_by="Entry.id")


class Entry(db.Model):
    """One thing written in a diary."""

    __tablename__ = "entries"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    text: Mapped[str] = mapped_column(Text)

    user: Mapped[User] = relationship(back_populates="entries")
