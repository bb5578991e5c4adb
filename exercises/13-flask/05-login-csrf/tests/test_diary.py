import base64
import binascii
import re
import zlib
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import pytest
from werkzeug.security import check_password_hash

from diary import create_app
from diary.database import db
from diary.models import User

# Real password hashing is slow on purpose (that is what makes it safe); the
# tests choose a quick method through the config so that they run fast.
QUICK = "pbkdf2:sha256:1000"
CONFIG = {"TESTING": True, "SECRET_KEY": "the-tests-own-secret", "SQLALCHEMY_DATABASE_URI": "sqlite://",
          "PASSWORD_HASH_METHOD": QUICK}
ADA = ("ada", "correct horse battery")
BOB = ("bob", "tr0ub4dor&3-staple")


class Forms(HTMLParser):
    """Every <form> of a page: its method, action and hidden fields."""

    def __init__(self, html):
        super().__init__()
        self.forms, self.current = [], None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = {name: value or "" for name, value in attrs}
        if tag == "form":
            self.current = {"method": attrs.get("method", "get").lower(), "action": attrs.get("action", ""), "hidden": {}}
            self.forms.append(self.current)
        elif tag == "input" and self.current is not None and attrs.get("type", "").lower() == "hidden":
            self.current["hidden"][attrs.get("name", "")] = attrs.get("value", "")

    def handle_endtag(self, tag):
        if tag == "form":
            self.current = None


class Browser:
    """A visitor's browser: its own cookies, and forms sent the way a browser sends them."""

    def __init__(self, app):
        self.client = app.test_client()

    def get(self, url):
        return self.client.get(url)

    def page(self, url):
        response = self.get(url)
        moved = f" to {response.headers['Location']}" if "Location" in response.headers else ""
        assert response.status_code == 200, f"GET {url} answered {response.status_code}{moved}"
        return response.get_data(as_text=True)

    def form(self, url, action):
        """The form of the page at url that posts to the path action."""
        for form in Forms(self.page(url)).forms:
            if form["method"] == "post" and urlsplit(form["action"] or url).path == action:
                return form
        pytest.fail(f'the page {url} has no <form method="post"> sending to {action}')

    def submit(self, url, action, **fields):
        """Open the page at url, fill in its form for action and send it, hidden fields included."""
        form = self.form(url, action)
        return self.client.post(form["action"] or url, data={**form["hidden"], **fields})

    def token(self, url="/login", action="/login"):
        return self.form(url, action)["hidden"].get("csrf_token", "")


@pytest.fixture
def app():
    return create_app(dict(CONFIG))


def browser(app):
    return Browser(app)


def register(visitor, username, password):
    response = visitor.submit("/register", "/register", username=username, password=password)
    assert response.status_code in (302, 303), f"signing up answered {response.status_code}"
    return response


def log_in(visitor, username, password, url="/login"):
    return visitor.submit(url, "/login", username=username, password=password)


def member(app, who=ADA):
    """A browser that signed up as who and logged in."""
    visitor = browser(app)
    register(visitor, *who)
    response = log_in(visitor, *who)
    assert response.status_code in (302, 303), f"logging in answered {response.status_code}"
    return visitor


def entries(visitor):
    html = visitor.page("/diary")
    listed = re.search(r'<ul class="entries">(.*?)</ul>', html, re.S)
    assert listed, 'the diary page needs its <ul class="entries">'
    return [text.strip() for text in re.findall(r"<li>(.*?)</li>", listed.group(1), re.S)]


def write(visitor, text):
    return visitor.submit("/diary", "/diary", text=text)


def is_logged_in(visitor):
    return visitor.get("/diary").status_code == 200


def location(response):
    return response.headers.get("Location", "")


def goes_to_login(response, next_url=None):
    """Whether response redirects to the login page (with ?next=next_url when given)."""
    if response.status_code not in (302, 303):
        return False
    target = urlsplit(location(response))
    if target.path != "/login":
        return False
    return next_url is None or parse_qs(target.query).get("next") == [next_url]


def stored_hashes(app):
    with app.app_context():
        return {user.username: user.password_hash for user in db.session.scalars(db.select(User).order_by(User.id))}


def cookie_texts(response):
    """What the cookies a response sets hold, as text: a Flask session is
    signed, not encrypted, and anybody can read it."""
    texts = []
    for header in response.headers.getlist("Set-Cookie"):
        value = header.split(";", 1)[0].partition("=")[2].strip('"')
        texts.append(value)
        compressed = value.startswith(".")
        payload = value.lstrip(".").split(".")[0]
        try:
            raw = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4))
            texts.append((zlib.decompress(raw) if compressed else raw).decode("utf-8", "replace"))
        except (binascii.Error, ValueError, zlib.error):
            pass
    return texts


# --- signing up and logging in --------------------------------------------------------


def test_sign_up_log_in_and_see_your_diary(app):
    visitor = browser(app)
    assert urlsplit(location(register(visitor, *ADA))).path == "/login"
    response = log_in(visitor, *ADA)
    assert response.status_code in (302, 303)
    assert urlsplit(location(response)).path == "/diary"
    assert "Hello, ada" in visitor.page("/diary")


def test_a_wrong_password_or_an_unknown_user_is_401(app):
    visitor = browser(app)
    register(visitor, *ADA)
    assert log_in(visitor, "ada", "correct horse battery!").status_code == 401
    assert log_in(visitor, "ada", "").status_code == 401
    assert log_in(visitor, "eve", "correct horse battery").status_code == 401
    assert not is_logged_in(visitor)
    assert log_in(visitor, *ADA).status_code in (302, 303)
    assert is_logged_in(visitor), "after logging in, GET /diary must show the diary"


@pytest.mark.parametrize("username, password", [("ada", "short"), ("", "long enough password"), ("x" * 31, "long enough password")])
def test_a_bad_sign_up_is_400_and_stores_nobody(app, username, password):
    response = browser(app).submit("/register", "/register", username=username, password=password)
    assert response.status_code == 400
    assert stored_hashes(app) == {}


def test_a_username_is_taken_once(app):
    register(browser(app), *ADA)
    response = browser(app).submit("/register", "/register", username="ada", password="another long password")
    assert response.status_code == 400
    assert list(stored_hashes(app)) == ["ada"]
    assert log_in(browser(app), *ADA).status_code in (302, 303)


# --- passwords -------------------------------------------------------------------------


def test_a_password_is_stored_as_a_hash(app):
    register(browser(app), *ADA)
    stored = stored_hashes(app)["ada"]
    assert ADA[1] not in stored, f"the password is stored as it is: {stored!r}"
    assert check_password_hash(stored, ADA[1]), f"{stored!r} is not a werkzeug.security hash of the password"


def test_the_hash_uses_the_configured_method(app):
    register(browser(app), *ADA)
    assert stored_hashes(app)["ada"].partition("$")[0] == QUICK


def test_the_default_method_is_scrypt():
    app = create_app({**CONFIG, "PASSWORD_HASH_METHOD": "scrypt"})
    register(browser(app), *BOB)
    assert stored_hashes(app)["bob"].partition(":")[0] == "scrypt"
    assert log_in(browser(app), *BOB).status_code in (302, 303)


def test_the_same_password_gives_different_hashes(app):
    register(browser(app), "ada", "the same password")
    register(browser(app), "bob", "the same password")
    hashes = stored_hashes(app)
    assert hashes["ada"] != hashes["bob"], "each hash needs a salt of its own"


@pytest.mark.hidden
def test_the_stored_hash_is_no_password(app):
    """Whoever steals the stored hashes must not be able to log in by typing a hash as the password."""
    register(browser(app), *ADA)
    assert log_in(browser(app), "ada", stored_hashes(app)["ada"]).status_code == 401


@pytest.mark.hidden
def test_the_session_cookie_holds_no_password(app):
    """A Flask session is signed, not secret: anybody can read the cookie. Keep only the user's id in it."""
    visitor = browser(app)
    register(visitor, *ADA)
    response = log_in(visitor, *ADA)
    assert is_logged_in(visitor), "after logging in, GET /diary must show the diary"
    hashed = stored_hashes(app)["ada"]
    for text in cookie_texts(response):
        assert ADA[1] not in text and hashed not in text


# --- the diary is private ------------------------------------------------------------------


def test_the_diary_sends_a_visitor_to_log_in_first(app):
    response = browser(app).get("/diary")
    assert goes_to_login(response, "/diary"), f"GET /diary answered {response.status_code} {location(response)!r}"


def test_after_logging_in_the_visitor_goes_where_they_were_going(app):
    register(browser(app), *ADA)
    visitor = browser(app)
    response = log_in(visitor, *ADA, url="/login?next=%2Fdiary%3Fpage%3D2")
    assert location(response) == "/diary?page=2"


@pytest.mark.hidden
@pytest.mark.parametrize("target", ["https://evil.example/login", "//evil.example/", "/\\evil.example"])
def test_next_never_leads_to_another_site(app, target):
    """Follow ?next= only to a path of this site ("/..."), never to another site: else go to /diary."""
    register(browser(app), *ADA)
    assert location(log_in(browser(app), *ADA, url="/login?next=%2Fdiary%3Fpage%3D3")) == "/diary?page=3"
    response = log_in(browser(app), *ADA, url="/login?next=" + target.replace("/", "%2F").replace("\\", "%5C"))
    assert response.status_code in (302, 303)
    assert urlsplit(location(response)).path == "/diary" and not urlsplit(location(response)).netloc


def test_entries_are_written_and_kept_per_user(app):
    ada = member(app, ADA)
    bob = member(app, BOB)
    response = write(ada, "Learnt Flask-Login today.")
    assert response.status_code in (302, 303)
    write(ada, "And CSRF <tokens>.")
    write(bob, "Nothing to report.")
    assert entries(ada) == ["Learnt Flask-Login today.", "And CSRF &lt;tokens&gt;."]
    assert entries(bob) == ["Nothing to report."]


def test_an_empty_entry_is_400(app):
    ada = member(app)
    assert write(ada, "   ").status_code == 400
    assert entries(ada) == []


def test_logging_out_ends_the_session(app):
    ada = member(app)
    response = ada.submit("/diary", "/logout")
    assert response.status_code in (302, 303)
    assert goes_to_login(ada.get("/diary"))


def test_logging_out_takes_a_post(app):
    ada = member(app)
    assert ada.get("/logout").status_code == 405
    assert is_logged_in(ada)


def test_another_browser_is_not_logged_in(app):
    assert is_logged_in(member(app)), "after logging in, GET /diary must show the diary"
    assert goes_to_login(browser(app).get("/diary"))


# --- CSRF -------------------------------------------------------------------------------------


def test_every_form_carries_a_csrf_token(app):
    ada = member(app)
    for url, action in [("/register", "/register"), ("/login", "/login"), ("/diary", "/diary"), ("/diary", "/logout")]:
        assert ada.form(url, action)["hidden"].get("csrf_token"), f"the form of {url} for {action} has no csrf_token"


@pytest.mark.hidden
def test_a_forged_entry_is_refused(app):
    """Another site can make a logged-in browser post to /diary: without this session's CSRF token, answer 400."""
    ada = member(app)
    assert ada.client.post("/diary", data={"text": "Forged!"}).status_code == 400
    assert ada.client.post("/diary", data={"text": "Forged!", "csrf_token": "made-up"}).status_code == 400
    assert entries(ada) == []


@pytest.mark.hidden
def test_the_attackers_own_token_does_not_work(app):
    """A token is only good for the session it was made for: check it, not just that there is one."""
    ada = member(app)
    mallory = member(app, ("mallory", "mallory's password"))
    stolen = mallory.token("/diary", "/diary")
    assert ada.client.post("/diary", data={"text": "Forged!", "csrf_token": stolen}).status_code == 400
    assert entries(ada) == []


@pytest.mark.hidden
def test_a_forged_logout_is_refused(app):
    """Logging out changes the session: it needs the CSRF token too."""
    ada = member(app)
    assert ada.client.post("/logout").status_code == 400
    assert is_logged_in(ada)


@pytest.mark.hidden
def test_forged_sign_ups_and_logins_are_refused(app):
    """Signing up and logging in are forms too: a page of another site must not post them for the visitor."""
    visitor = browser(app)
    assert visitor.client.post("/register", data={"username": "eve", "password": "long enough password"}).status_code == 400
    assert stored_hashes(app) == {}
    register(browser(app), *ADA)
    assert visitor.client.post("/login", data={"username": "ada", "password": ADA[1]}).status_code == 400
    assert not is_logged_in(visitor)
