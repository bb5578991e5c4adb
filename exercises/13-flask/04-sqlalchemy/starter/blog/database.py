"""The blog's Flask-SQLAlchemy object (you don't need to change it).

Models derive from db.Model; queries run in db.session; db.select is
SQLAlchemy's select().
"""

from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()
