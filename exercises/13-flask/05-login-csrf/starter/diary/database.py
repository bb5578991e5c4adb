"""The diary's Flask-SQLAlchemy object (you don't need to change it)."""

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
