import base64
import hashlib
import secrets
from urllib.parse import parse_qs, urlencode, urlsplit

import httpx


class OAuthError(Exception):
    """The login did not succeed: a callback to refuse, or an error of the provider."""


class OAuthClient:
    """The client side of OAuth 2's authorization code flow with PKCE, for a
    public client (one without a secret)."""

    def __init__(self, client_id, redirect_uri, authorize_url, token_url, userinfo_url):
        self.client_id = client_id
        self.redirect_uri = redirect_uri
        self.authorize_url = authorize_url
        self.token_url = token_url
        self.userinfo_url = userinfo_url

    def authorization_url(self, scope="openid profile email"):
        """Start a login: the URL to send the user's browser to."""
        return self.authorize_url

    def callback(self, url):
        """Finish a login: `url` is where the provider sent the browser back
        to. Returns the user's info from the userinfo endpoint."""
        raise OAuthError("not written yet")
