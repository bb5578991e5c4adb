import json
from pathlib import Path

import pytest

from drillkit import learnerside

# tests/show_settings.py is run as a program of its own; the learner's
# process, which cannot read tests/, is given its text.
SHOW = (Path(__file__).resolve().parent / "show_settings.py").read_text(encoding="utf-8")
SECRET = "k3Jd8!fQz0@Lm2#Vp7$Rt5%Wx9^Bn4&Cy6*Hs1(Ga8)Ue3-Io5+Pl"
VARIABLES = ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")


def load_each(*environments):
    """For each dict of variables: the settings a fresh process gets with
    exactly those variables set (the others unset), or {"error": ..., "message": ...}."""
    os = learnerside.module("os")
    env = {key: value for key, value in dict(os.environ).items() if key not in VARIABLES}
    env["DJANGO_SETTINGS_MODULE"] = "project.settings"
    env["PYTHONPATH"] = os.getcwd()
    result = learnerside.module("subprocess").run(
        [learnerside.module("sys").executable, "-c", SHOW], input=json.dumps(environments),
        env=env, capture_output=True, text=True, timeout=30,
    )
    assert result.stdout.strip(), result.stderr[-2000:]
    return json.loads(result.stdout)


def load(**variables):
    return load_each(variables)[0]


def loaded(**variables):
    settings = load(**variables)
    assert "error" not in settings, "the settings failed to load: %s: %s" % (
        settings.get("error"), settings.get("message"),
    )
    return settings


def database(settings):
    """The parts of DATABASES["default"] that matter here ("" when missing)."""
    db = settings["DATABASES"]["default"]
    parts = {key: db.get(key) or "" for key in ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT")}
    parts["PORT"] = str(parts["PORT"])
    return parts


def error_of(settings):
    return settings.get("error"), settings.get("message", "")


def debug_for_each(values):
    """{DJANGO_DEBUG value: the DEBUG it gives (or the error)}"""
    results = load_each(*({"DJANGO_DEBUG": value, "DJANGO_SECRET_KEY": SECRET} for value in values))
    return {value: result.get("DEBUG", result.get("error")) for value, result in zip(values, results)}


def test_a_full_production_environment():
    settings = loaded(
        DJANGO_SECRET_KEY=SECRET,
        DJANGO_ALLOWED_HOSTS="shop.example.com,www.shop.example.com",
        DATABASE_URL="postgres://shop:hunter2@db.internal:5432/shop_prod",
    )
    assert settings["DEBUG"] is False
    assert settings["SECRET_KEY"] == SECRET
    assert settings["ALLOWED_HOSTS"] == ["shop.example.com", "www.shop.example.com"]
    assert database(settings) == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "shop_prod",
        "USER": "shop",
        "PASSWORD": "hunter2",
        "HOST": "db.internal",
        "PORT": "5432",
    }


def test_without_a_secret_key_production_refuses_to_start():
    error, message = error_of(load())
    assert error == "ImproperlyConfigured"
    assert "DJANGO_SECRET_KEY" in message


def test_an_empty_secret_key_is_refused_too():
    error, message = error_of(load(DJANGO_SECRET_KEY="", DJANGO_DEBUG="false"))
    assert error == "ImproperlyConfigured"
    assert "DJANGO_SECRET_KEY" in message


def test_debug_understands_the_usual_ways_to_say_yes():
    values = ["1", "true", "True", "YES", "on", " On ", "nope"]
    assert debug_for_each(values) == {value: True for value in values[:-1]} | {"nope": "ImproperlyConfigured"}


@pytest.mark.hidden
def test_debug_understands_the_usual_ways_to_say_no():
    """DJANGO_DEBUG="false" or "0" is a non-empty string, and every non-empty string is true in Python: compare the text."""
    values = ["0", "false", "False", "no", "OFF", ""]
    assert debug_for_each(values) == {value: False for value in values}


def test_an_unknown_debug_value_is_an_error():
    values = ["maybe", "2", "enabled"]
    results = load_each(*({"DJANGO_DEBUG": value, "DJANGO_SECRET_KEY": SECRET} for value in values))
    assert {value: error_of(result)[0] for value, result in zip(values, results)} == {
        value: "ImproperlyConfigured" for value in values
    }
    assert "DJANGO_DEBUG" in error_of(results[0])[1]


def test_debug_mode_runs_without_a_secret_key():
    settings = loaded(DJANGO_DEBUG="1")
    assert settings["DEBUG"] is True
    assert isinstance(settings["SECRET_KEY"], str)
    assert settings["SECRET_KEY"] != ""
    assert loaded(DJANGO_DEBUG="1", DJANGO_SECRET_KEY=SECRET)["SECRET_KEY"] == SECRET


def test_allowed_hosts_are_split_on_commas_without_spaces_or_empty_items():
    spaced, empty, missing = load_each(
        {"DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": " a.example.com , ,b.example.com,"},
        {"DJANGO_SECRET_KEY": SECRET, "DJANGO_ALLOWED_HOSTS": ""},
        {"DJANGO_SECRET_KEY": SECRET},
    )
    assert spaced.get("ALLOWED_HOSTS") == ["a.example.com", "b.example.com"]
    assert empty.get("ALLOWED_HOSTS") == []
    assert missing.get("ALLOWED_HOSTS") == []


def test_the_default_database_is_sqlite_in_tmp():
    assert database(loaded(DJANGO_SECRET_KEY=SECRET)) == {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": "/tmp/db.sqlite3",
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
    }
    assert database(loaded(DJANGO_SECRET_KEY=SECRET, DATABASE_URL="sqlite:////srv/x.sqlite3"))["NAME"] == "/srv/x.sqlite3"


def test_a_sqlite_url_gives_the_path_of_the_file():
    settings = loaded(DJANGO_SECRET_KEY=SECRET, DATABASE_URL="sqlite:////data/shop.sqlite3")
    assert database(settings)["ENGINE"] == "django.db.backends.sqlite3"
    assert database(settings)["NAME"] == "/data/shop.sqlite3"


def test_a_postgresql_url_without_a_port_and_with_an_escaped_password():
    settings = loaded(
        DJANGO_SECRET_KEY=SECRET,
        DATABASE_URL="postgresql://app:p%40ss%3Aword@10.0.0.5/orders",
    )
    assert database(settings) == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "orders",
        "USER": "app",
        "PASSWORD": "p@ss:word",
        "HOST": "10.0.0.5",
        "PORT": "",
    }


def test_an_unsupported_database_url_is_an_error():
    error, message = error_of(load(DJANGO_SECRET_KEY=SECRET, DATABASE_URL="mysql://u:p@db/shop"))
    assert error == "ImproperlyConfigured"
    assert "DATABASE_URL" in message
