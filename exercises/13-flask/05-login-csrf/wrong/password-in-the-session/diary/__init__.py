from flask import Flask
from flask_wtf.csrf import CSRFProtect

from diary.database import db

csrf = CSRFProtect()


def create_app(config=None):
    app = Flask(__name__)
    app.config.from_mapping(
        SECRET_KEY="dev",
        SQLALCHEMY_DATABASE_URI="sqlite:////tmp/diary.sqlite3",
        PASSWORD_HASH_METHOD="scrypt",
    )
    if config is not None:
        app.config.from_mapping(config)
    db.init_app(app)
    csrf.init_app(app)

    from diary import auth, views

    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    with app.app_context():
        db.create_all()
    return app
