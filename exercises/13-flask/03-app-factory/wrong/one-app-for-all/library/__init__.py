import json
import os

from flask import Flask

from library import books, site


_app = None


def create_app(config=None):
    """The application, made at the first call; later calls configure it again."""
    global _app
    if _app is not None:
        if config is not None:
            _app.config.from_mapping(config)
        return _app
    _app = app = Flask(__name__)
    app.config.from_mapping(
        SITE_NAME="The Library",
        API_PREFIX="/api",
        MAX_RESULTS=20,
        CATALOGUE=os.path.join(app.root_path, "catalogue.json"),
    )
    # LIBRARY_MAX_RESULTS=5 becomes MAX_RESULTS = 5: values that parse as
    # JSON are taken as JSON, others as strings.
    app.config.from_prefixed_env("LIBRARY")
    if config is not None:
        app.config.from_mapping(config)

    # Read once, for this app alone: two apps never share their books.
    with open(app.config["CATALOGUE"], encoding="utf-8") as f:
        app.extensions["library"] = {"books": sorted(json.load(f), key=lambda book: book["id"])}

    app.register_blueprint(site.bp)
    app.register_blueprint(books.bp, url_prefix=app.config["API_PREFIX"])
    return app
