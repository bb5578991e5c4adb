import functools
import json
import re
from pathlib import Path

import pytest

from drillkit import learnerside

# tests/probe.py is run as a program of its own; the learner's process, which
# cannot read tests/, is given its text.
PROBE = (Path(__file__).resolve().parent / "probe.py").read_text(encoding="utf-8")
SECRET = "q7#Vt2@pLx9!mZ4$wR8^kN3&bH6*cJ1(dF5)gS0-yU2+eA7=iO4"


def environment(secret=SECRET):
    """The learner's process's environment, without Django's variables, for the production settings."""
    os = learnerside.module("os")
    env = {key: value for key, value in dict(os.environ).items() if not key.startswith("DJANGO_")}
    env["DJANGO_SETTINGS_MODULE"] = "project.settings_prod"
    env["PYTHONPATH"] = os.getcwd()
    if secret is not None:
        env["DJANGO_SECRET_KEY"] = secret
    return env


def python(*args, env):
    """Run a new Python process, from the learner's process and in its work
    directory, where the project is."""
    command = [learnerside.module("sys").executable, *args]
    return learnerside.module("subprocess").run(command, env=env, capture_output=True, text=True, timeout=60)


@functools.cache
def production():
    """Settings and responses as a separate Django process with the
    production settings sees them (run once, then remembered)."""
    result = python("-c", PROBE, env=environment())
    if not result.stdout.strip():
        return {"error": result.stderr[-2000:]}
    return json.loads(result.stdout)


def setting(name):
    doc = production()
    assert "error" not in doc, "Django did not start: " + doc["error"]
    return doc["settings"][name]


def response(name):
    doc = production()
    assert "error" not in doc, "Django did not start: " + doc["error"]
    return doc["responses"][name]


def deploy_check(secret=SECRET):
    """The problem ids (security.W004 ...) that `check --deploy` reports, its exit code and its output."""
    result = python(
        "-m", "django", "check", "--deploy", "--fail-level", "WARNING", "--settings", "project.settings_prod",
        env=environment(secret),
    )
    output = (result.stdout + result.stderr).strip()
    return re.findall(r"\((\w+\.[EW]\d+)\)", output), result.returncode, output


def test_the_deploy_check_finds_no_problems():
    problems, exit_code, output = deploy_check()
    assert problems == [], output[-3000:]
    assert exit_code == 0, output[-3000:]


def test_debug_is_off():
    assert setting("DEBUG") is False


def test_the_secret_key_comes_from_the_environment():
    assert setting("SECRET_KEY") == SECRET


def test_without_a_secret_key_the_site_refuses_to_start():
    result = python(
        "-c", "from django.conf import settings; print(repr(settings.SECRET_KEY))",
        env=environment(secret=None),
    )
    exit_code = result.returncode
    assert exit_code != 0, "Django started without DJANGO_SECRET_KEY, using " + result.stdout.strip()


def test_the_production_settings_build_on_the_base_settings():
    from project import settings as base

    assert setting("INSTALLED_APPS") == base.INSTALLED_APPS
    assert setting("MIDDLEWARE") == base.MIDDLEWARE
    assert setting("ROOT_URLCONF") == base.ROOT_URLCONF
    assert setting("DATABASES")["default"]["NAME"] == base.DATABASES["default"]["NAME"]


def test_only_the_shops_own_host_is_allowed():
    assert setting("ALLOWED_HOSTS") == ["shop.example.com"]
    assert response("other host")["status"] == 400


def test_the_home_page_is_served_over_https():
    assert response("https")["status"] == 200
    assert response("https")["body"] == "Welcome to the shop"


def test_plain_http_is_redirected_to_https():
    assert (response("http")["status"], response("http")["location"]) == (301, "https://shop.example.com/")


@pytest.mark.hidden
def test_https_requests_from_the_proxy_are_not_redirected():
    """The proxy in front of Django ends HTTPS and sends X-Forwarded-Proto: https; Django must trust that header, or it redirects for ever."""
    assert response("proxied https")["status"] == 200
    assert response("proxied http")["status"] == 301


def test_https_responses_tell_browsers_to_use_only_https_for_a_year():
    header = response("https")["hsts"] or ""
    parts = sorted(part.strip() for part in header.split(";"))
    assert parts == ["includeSubDomains", "max-age=31536000", "preload"]


def test_cookies_are_only_sent_over_https():
    assert (setting("SESSION_COOKIE_SECURE"), setting("CSRF_COOKIE_SECURE")) == (True, True)
