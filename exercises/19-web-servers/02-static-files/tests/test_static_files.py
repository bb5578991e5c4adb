import gzip
import re
import secrets
import time

import pytest

from drillkit import learnerside

from servers import Server, fresh_dir, request, wait_for_app

RUN = "/tmp/shop"
STATIC_ROOT = RUN + "/static"
ACCESS_LOG = RUN + "/gunicorn-access.log"
HASHED = re.compile(r"^/static/shop/(app|logo)\.[0-9a-f]{12}\.(css|js|svg)$")


@pytest.fixture(scope="module")
def shop():
    """collectstatic with the learner's settings, gunicorn (writing every
    request it gets to its access log) and nginx with the learner's
    nginx.conf in front of it; a secret file beside the static root."""
    fresh_dir(RUN)
    os = learnerside.module("os")
    os.makedirs(RUN + "/nginx/logs")
    secret = "the shop's secret " + secrets.token_hex(12)
    learnerside.module("pathlib").Path(RUN + "/secret.txt").write_text(secret)
    collected = learnerside.module("subprocess").run(
        [learnerside.module("sys").executable, "manage.py", "collectstatic", "--noinput"],
        capture_output=True, text=True, timeout=60,
    )
    servers = []
    try:
        servers.append(
            Server(
                "gunicorn",
                ["gunicorn", "--bind", "127.0.0.1:8001", "--workers", "1", "--access-logfile", ACCESS_LOG,
                 "project.wsgi:application"],
                RUN + "/gunicorn.log",
            )
        )
        servers.append(
            Server(
                "nginx",
                ["nginx", "-p", RUN + "/nginx/", "-c", "/work/nginx.conf", "-e", "stderr", "-g", "daemon off;"],
                RUN + "/nginx.log",
            )
        )
        wait_for_app(8080, servers, host="shop.example")
        yield {"collected": collected, "secret": secret, "servers": servers}
    finally:
        for server in reversed(servers):
            server.stop()


def get(path, **headers):
    return request("GET", path, headers={"Host": "shop.example", **headers})


def linked(shop):
    """The static URLs the home page links to (the stylesheet, the script
    and the logo, in that order)."""
    reply = get("/")
    assert reply.status == 200, "GET / through nginx: %d %s\ngunicorn said:\n%s" % (
        reply.status, reply.text()[:300], shop["servers"][0].output(1500))
    return re.findall(r'(?:href|src)="([^"]+)"', reply.text())


def collected(url):
    """The bytes of the file that url names under STATIC_ROOT."""
    return learnerside.module("pathlib").Path(STATIC_ROOT + url[len("/static"):]).read_bytes()


def directives(reply):
    """Cache-Control's directives: {"max-age": "31536000", "immutable": None, ...}."""
    found = {}
    for part in reply.headers.get("cache-control", "").split(","):
        name, _, value = part.strip().partition("=")
        if name:
            found[name.lower()] = value or None
    return found


def access_log():
    path = learnerside.module("pathlib").Path(ACCESS_LOG)
    return path.read_text(errors="replace") if path.exists() else ""


def test_collectstatic_fills_the_static_root(shop):
    result = shop["collected"]
    assert result.returncode == 0, (result.stdout + result.stderr)[-1500:]
    assert learnerside.module("os").path.isfile(STATIC_ROOT + "/shop/app.css")


def test_the_page_links_static_files_by_hashed_names(shop):
    urls = linked(shop)
    assert len(urls) == 3 and all(HASHED.match(url) for url in urls), (
        "expected names like /static/shop/app.<12 hex digits>.css: %r" % urls)


def test_static_files_are_served_with_their_content_and_type(shop):
    types = {}
    for url in linked(shop):
        reply = get(url)
        assert reply.status == 200, "GET " + url
        assert reply.body == collected(url), "GET %s is not the file collectstatic made" % url
        types[url.rsplit(".", 1)[1]] = reply.headers.get("content-type", "").split(";")[0]
    for extension, expected in {"css": "text/css", "js": "application/javascript", "svg": "image/svg+xml"}.items():
        assert types.get(extension) == expected, "Content-Type of the .%s file" % extension


@pytest.mark.help("A location for /static/ that nginx serves from STATIC_ROOT itself, and never passes on to gunicorn.")
def test_static_requests_never_reach_gunicorn(shop):
    paths = linked(shop) + ["/static/shop/app.css", "/static/shop/missing.css", "/static/shop/app.0123456789ab.css"]
    for path in paths:
        get(path)
    # One page from Django, then wait until gunicorn has logged it: every
    # request before it has been logged too, if gunicorn ever saw it.
    marker = secrets.token_hex(8)
    assert get("/?visit=" + marker).status == 200
    deadline = time.monotonic() + 10
    while marker not in access_log() and time.monotonic() < deadline:
        time.sleep(0.05)
    log = access_log()
    assert marker in log, "gunicorn's access log never showed GET /:\n" + log[-1500:]
    assert [line for line in log.splitlines() if "/static" in line] == []


def test_hashed_names_are_cached_for_a_year_and_immutable(shop):
    for url in linked(shop):
        reply = get(url)
        cache = directives(reply)
        assert "immutable" in cache, (url, reply.headers.get("cache-control"))
        assert int(cache.get("max-age") or 0) >= 31536000, (url, reply.headers.get("cache-control"))
        assert not {"no-cache", "no-store", "private"} & set(cache), (url, reply.headers.get("cache-control"))


@pytest.mark.hidden
@pytest.mark.help("Only a name with a hash can be cached for ever: the same name without the hash gets new content when the file changes.")
def test_names_without_a_hash_are_checked_again_every_time(shop):
    """/static/shop/app.css (no hash in the name) may change: browsers must ask again each time, and get 304 while it hasn't."""
    for path in ("/static/shop/app.css", "/static/shop/app.js"):
        reply = get(path)
        assert reply.status == 200, "GET " + path
        cache = directives(reply)
        assert ("no-cache" in cache, "immutable" in cache) == (True, False), (path, reply.headers.get("cache-control"))
        again = get(path, **{"If-None-Match": reply.headers.get("etag", "")})
        assert again.status == 304, "GET %s with its ETag" % path


def test_pages_from_django_are_not_cached_as_static_files(shop):
    url = linked(shop)[0]
    assert "immutable" in directives(get(url)), "GET %s: Cache-Control %r" % (url, get(url).headers.get("cache-control"))
    reply = get("/")
    assert reply.status == 200
    assert "immutable" not in directives(reply), "GET /: Cache-Control %r" % reply.headers.get("cache-control")


@pytest.mark.help("gzip is on for text/html only until gzip_types names the other types.")
def test_css_js_and_svg_are_compressed_for_clients_that_accept_gzip(shop):
    for url in linked(shop):
        reply = get(url, **{"Accept-Encoding": "gzip"})
        assert reply.status == 200, "GET " + url
        assert reply.headers.get("content-encoding") == "gzip", "GET %s with Accept-Encoding: gzip" % url
        assert gzip.decompress(reply.body) == collected(url), url
        assert "accept-encoding" in reply.headers.get("vary", "").lower(), (url, reply.headers)


def test_clients_that_dont_accept_gzip_get_the_file_as_it_is(shop):
    url = linked(shop)[0]
    reply = get(url)
    assert reply.status == 200, "GET " + url
    assert reply.headers.get("content-encoding") is None, "GET %s without Accept-Encoding" % url
    assert reply.body == collected(url)


def served_by_nginx(shop):
    """Check that nginx serves the static files (so that what else is
    checked of /static/ is about nginx's own answers)."""
    reply = get("/static/shop/app.css")
    assert reply.status == 200, "GET /static/shop/app.css: %d" % reply.status
    assert reply.body == collected("/static/shop/app.css"), "GET /static/shop/app.css is not the collected file"


def test_a_missing_static_file_is_not_found(shop):
    served_by_nginx(shop)
    for path in ("/static/shop/missing.css", "/static/shop/app.0123456789ab.css", "/static/nothing/"):
        assert get(path).status in (404, 403), "GET " + path


@pytest.mark.hidden
@pytest.mark.help("Compare the location's path and the alias (or root) letter by letter: a missing slash in one of them lets /static../ through.")
def test_nothing_outside_the_static_root_can_be_read(shop):
    """/static/ must not lead out of STATIC_ROOT: /tmp/shop/secret.txt is beside it, and no URL may show it."""
    served_by_nginx(shop)
    attempts = [
        "/static../secret.txt",
        "/static/../secret.txt",
        "/static/%2e%2e/secret.txt",
        "/static/..%2fsecret.txt",
        "/static/shop/../../secret.txt",
        "/static%2f..%2fsecret.txt",
        "/secret.txt",
    ]
    leaked = [path for path in attempts if shop["secret"].encode() in get(path).body]
    assert leaked == []
