"""A small OAuth 2 provider (RFC 6749's authorization code grant with
RFC 7636's PKCE, S256 only, for public clients), run by the tests in the
judge: its token and userinfo endpoints listen on a loopback port in a
thread of the judge, and its authorization endpoint is played by the test
itself, as the user's browser would reach it. It keeps a record of every
request it gets, so the tests read what the learner's client really sent."""

import base64
import hashlib
import json
import re
import secrets
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

UNRESERVED = re.compile(r"[A-Za-z0-9._~-]{43,128}")  # RFC 7636, 4.1
CHALLENGE = re.compile(r"[A-Za-z0-9_-]{43}")  # BASE64URL of 32 bytes, no padding
FORM = "application/x-www-form-urlencoded"


def s256(verifier):
    """RFC 7636's S256: BASE64URL(SHA256(ASCII(verifier))), without padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


def single(query):
    """parse_qs's lists as single values (the last one); repeated names are kept in `repeated`."""
    parsed = parse_qs(query, keep_blank_values=True)
    return {name: values[-1] for name, values in parsed.items()}, [name for name, values in parsed.items() if len(values) > 1]


class Provider:
    """Start with `with Provider() as provider:`; register clients, let
    users log in with authorize(), then look at what the client sent."""

    def __init__(self):
        self.lock = threading.Lock()
        self.clients = {}
        self.users = {
            "ann": {"sub": secrets.token_hex(8), "name": "Ann Lee", "email": f"ann.{secrets.token_hex(3)}@example.org"},
            "bob": {"sub": secrets.token_hex(8), "name": "Bob Stone", "email": f"bob.{secrets.token_hex(3)}@example.org"},
        }
        self.grants = {}  # code -> what was authorized
        self.tokens = {}  # access token -> user
        self.authorizations = []  # the query of each authorization URL the user's browser was sent to
        self.requests = []  # each request the endpoints got, as dicts
        self.userinfo_down = False  # then the userinfo endpoint answers 503
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.server.provider = self
        base = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.authorize_url = base + "/oauth/authorize"
        self.token_url = base + "/oauth/token"
        self.userinfo_url = base + "/oauth/userinfo"
        self.thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
        self.thread.join(timeout=5)

    def register(self, client_id, redirect_uri):
        self.clients[client_id] = redirect_uri

    def endpoints(self):
        """The keyword arguments of the learner's OAuthClient for this provider."""
        return {"authorize_url": self.authorize_url, "token_url": self.token_url, "userinfo_url": self.userinfo_url}

    # The authorization endpoint, reached by the user's browser.

    def authorize(self, url, user="ann", approve=True):
        """The user's browser goes to `url`, the user logs in as `user` and
        approves (or refuses) the request; the provider sends the browser
        back: this is the URL of that redirect, to the client's redirect_uri."""
        parts = urlsplit(url)
        endpoint = urlsplit(self.authorize_url)
        assert (parts.scheme, parts.netloc, parts.path) == (endpoint.scheme, endpoint.netloc, endpoint.path), (
            f"the authorization URL must start with the provider's authorization endpoint {self.authorize_url}, not {url!r}"
        )
        params, repeated = single(parts.query)
        with self.lock:
            self.authorizations.append(params)
        client_id, redirect_uri = params.get("client_id"), params.get("redirect_uri")
        # With an unknown client or redirect URI a provider must not redirect (RFC 6749, 4.1.2.1).
        assert client_id in self.clients, f"client_id {client_id!r} is not the client's own: the provider does not know it"
        assert redirect_uri == self.clients[client_id], (
            f"redirect_uri {redirect_uri!r} is not the one registered for {client_id!r}: {self.clients[client_id]!r}"
        )
        state = params.get("state")
        problem = self.authorization_problem(params, repeated)
        if problem:
            return self.redirect(redirect_uri, error="invalid_request", error_description=problem, state=state)
        if not approve:
            return self.redirect(redirect_uri, error="access_denied", state=state)
        code = secrets.token_urlsafe(24)
        with self.lock:
            self.grants[code] = {
                "client_id": client_id,
                "redirect_uri": redirect_uri,
                "challenge": params["code_challenge"],
                "scope": params.get("scope", ""),
                "user": user,
                "used": False,
            }
        return self.redirect(redirect_uri, code=code, state=state)

    @staticmethod
    def authorization_problem(params, repeated):
        if repeated:
            return f"repeated parameters: {', '.join(repeated)}"
        if params.get("response_type") != "code":
            return "response_type must be code"
        if params.get("code_challenge_method") != "S256":
            return "this provider supports only code_challenge_method=S256"
        if not CHALLENGE.fullmatch(params.get("code_challenge", "")):
            return "code_challenge must be BASE64URL(SHA256(verifier)): 43 characters, no padding"
        if not params.get("state"):
            return "a state is required"
        return None

    @staticmethod
    def redirect(redirect_uri, **params):
        query = urlencode({name: value for name, value in params.items() if value is not None})
        return f"{redirect_uri}{'&' if '?' in redirect_uri else '?'}{query}"

    # The endpoints the client calls, in the server's threads.

    def token(self, request):
        """RFC 6749, 4.1.3 and RFC 7636, 4.6: (status, JSON body)."""
        if request["query"]:
            return 400, {"error": "invalid_request", "error_description": "parameters belong in the body, not the URL"}
        if request["headers"].get("content-type", "").split(";")[0].strip() != FORM:
            return 400, {"error": "invalid_request", "error_description": f"the body must be {FORM}"}
        form = request["form"]
        if form.get("grant_type") != "authorization_code":
            return 400, {"error": "unsupported_grant_type"}
        with self.lock:
            grant = self.grants.get(form.get("code", ""))
            if grant is None or grant["used"]:
                return 400, {"error": "invalid_grant", "error_description": "unknown or used code"}
            grant["used"] = True
        if form.get("client_id") != grant["client_id"]:
            return 400, {"error": "invalid_grant", "error_description": "the code was issued to another client"}
        if form.get("redirect_uri") != grant["redirect_uri"]:
            return 400, {"error": "invalid_grant", "error_description": "redirect_uri differs from the authorization request's"}
        verifier = form.get("code_verifier", "")
        if not UNRESERVED.fullmatch(verifier):
            return 400, {"error": "invalid_request", "error_description": "code_verifier must be 43 to 128 unreserved characters"}
        if s256(verifier) != grant["challenge"]:
            return 400, {"error": "invalid_grant", "error_description": "code_verifier does not match the code_challenge"}
        access_token = secrets.token_urlsafe(32)
        with self.lock:
            self.tokens[access_token] = grant["user"]
        return 200, {"access_token": access_token, "token_type": "Bearer", "expires_in": 3600, "scope": grant["scope"]}

    def userinfo(self, request):
        """The user's info for a bearer token (RFC 6750, 2.1: in the Authorization header only)."""
        if self.userinfo_down:
            return 503, {"error": "temporarily_unavailable"}
        if "access_token" in request["query"] or "access_token" in request["form"]:
            return 400, {"error": "invalid_request", "error_description": "send the token in the Authorization header"}
        scheme, _, token = request["headers"].get("authorization", "").partition(" ")
        with self.lock:
            user = self.tokens.get(token) if scheme.lower() == "bearer" else None
        if user is None:
            return 401, {"error": "invalid_token"}
        return 200, dict(self.users[user])

    # What the tests read.

    def seen(self, path):
        with self.lock:
            return [request for request in self.requests if request["path"] == urlsplit(path).path]

    def token_requests(self):
        return self.seen(self.token_url)

    def userinfo_requests(self):
        return self.seen(self.userinfo_url)

    def issued_tokens(self):
        with self.lock:
            return list(self.tokens)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):
        pass

    def handle_one(self, method):
        provider = self.server.provider
        parts = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        form = {}
        if self.headers.get("Content-Type", "").split(";")[0].strip() == FORM:
            form, _ = single(body.decode("utf-8", "replace"))
        request = {
            "method": method,
            "path": parts.path,
            "query": single(parts.query)[0],
            "headers": {name.lower(): value for name, value in self.headers.items()},
            "form": form,
            "body": body,
        }
        routes = {provider.token_url: ("POST", provider.token), provider.userinfo_url: ("GET", provider.userinfo)}
        route = next((route for url, route in routes.items() if urlsplit(url).path == parts.path), None)
        if route is None:
            status, answer = 404, {"error": "not_found"}
        elif route[0] != method:
            status, answer = 405, {"error": "method_not_allowed"}
        else:
            status, answer = route[1](request)
        request["status"], request["answer"] = status, answer
        with provider.lock:
            provider.requests.append(request)
        data = json.dumps(answer).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        if status == 401:
            self.send_header("WWW-Authenticate", 'Bearer error="invalid_token"')
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self.handle_one("GET")

    def do_POST(self):
        self.handle_one("POST")
