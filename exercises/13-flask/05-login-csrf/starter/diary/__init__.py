from flask import Flask
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from diary.database import db

# Still to do: CSRF protection for the whole app, and a way to remember who
# logged in (Flask-Login's LoginManager, or the session by hand).


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

    from diary import auth, views

    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    with app.app_context():
        db.create_all()
    return app
