"""The blog's application factory (you don't need to change it)."""

from flask import Flask

from blog.database import db


def create_app(config=None):
    """A new app: its database is SQLALCHEMY_DATABASE_URI (an SQLite file in
    /tmp unless the config says otherwise; the tests give each app an empty
    database in memory, "sqlite://"), with the tables of blog/models.py."""
    app = Flask(__name__)
    app.config.from_mapping(SQLALCHEMY_DATABASE_URI="sqlite:////tmp/blog.sqlite3")
    if config is not None:
        app.config.from_mapping(config)
    db.init_app(app)

    from blog import models, views  # noqa: F401  (models: their tables, for create_all)

    app.register_blueprint(views.bp)
    with app.app_context():
        db.create_all()
    return app
