import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx


class OAuthError(Exception):
    """The login did not succeed: a callback to refuse, or an error of the provider."""


def challenge_of(verifier):
    """PKCE's S256: BASE64URL(SHA256(verifier)) without the = padding."""
    digest = hashlib.sha256(verifier.encode("ascii")).digest()
    return base64.urlsafe_b64encode(digest).rstrip(b"=").decode("ascii")


class OAuthClient:
    """The client side of OAuth 2's authorization code flow with PKCE, for a
    public client (one without a secret)."""

    def __init__(self, client_id, redirect_uri, authorize_url, token_url, userinfo_url):
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.userinfo_url = userinfo_url
        self.pending = {}  # state -> code verifier, one per login under way
        self.verifier = secrets.token_urlsafe(48)

    def authorization_url(self, scope="openid profile email"):
        """Start a login: the URL to send the user's browser to."""
        state = secrets.token_urlsafe(24)
        verifier = self.verifier
        self.pending[state] = verifier
        query = urlencode({
            "response_type": "code",
            "client_id": self.client_id,
            "redirect_uri": self.redirect_uri,
            "scope": scope,
            "state": state,
            "code_challenge": challenge_of(verifier),
            "code_challenge_method": "S256",
        })
        return f"{self.authorize_url}?{query}"

    def callback(self, url):
        """Finish a login: `url` is where the provider sent the browser back
        to. Returns the user's info from the userinfo endpoint."""
        params = {name: values[0] for name, values in parse_qs(urlsplit(url).query).items()}
        verifier = self.pending.pop(params.get("state"), None)
        if verifier is None:
            raise OAuthError("the state is not one of a login this client started")
        if "error" in params:
            raise OAuthError(f"the provider refused: {params['error']}")
        if "code" not in params:
            raise OAuthError("the callback has no code")
        answer = httpx.post(self.token_url, data={
            "grant_type": "authorization_code",
            "code": params["code"],
            "redirect_uri": self.redirect_uri,
            "client_id": self.client_id,
            "code_verifier": verifier,
        })
        token = answer.json() if answer.headers.get("content-type", "").startswith("application/json") else {}
        if answer.status_code != 200 or "access_token" not in token:
            raise OAuthError(f"the token endpoint answered {answer.status_code}: {token.get('error', answer.text)}")
        answer = httpx.get(self.userinfo_url, headers={"Authorization": f"Bearer {token['access_token']}"})
        if answer.status_code != 200:
            raise OAuthError(f"the userinfo endpoint answered {answer.status_code}")
        return answer.json()
