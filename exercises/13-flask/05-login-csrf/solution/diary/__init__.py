from flask import Flask
from flask_login import LoginManager
from flask_wtf.csrf import CSRFProtect

from diary.database import db

# Made once, set up for each app by init_app (as db is).
csrf = CSRFProtect()
login_manager = LoginManager()
# Where @login_required sends a visitor who is not logged in (with ?next=).
login_manager.login_view = "auth.login"


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
    # Every POST, PUT, PATCH and DELETE must now carry the token that
    # csrf_token() puts in the app's forms, or it is refused with 400.
    csrf.init_app(app)
    login_manager.init_app(app)

    from diary import auth, views

    app.register_blueprint(auth.bp)
    app.register_blueprint(views.bp)
    with app.app_context():
        db.create_all()
    return app
