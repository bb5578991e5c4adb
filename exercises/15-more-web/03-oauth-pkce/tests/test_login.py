import json
from urllib.parse import urlsplit

import pytest

from login import OAuthClient, OAuthError
from provider import CHALLENGE, UNRESERVED, Provider, s256, single

NOTES = {"client_id": "drill-notes", "redirect_uri": "http://127.0.0.1:8000/auth/callback"}
PHOTOS = {"client_id": "photo-app", "redirect_uri": "https://photos.example.net/oauth/done"}


@pytest.fixture
def provider():
    """A provider of this test's, its token and userinfo endpoints on a loopback port."""
    with Provider() as provider:
        provider.register(**NOTES)
        provider.register(**PHOTOS)
        yield provider


def new_client(provider, app=NOTES):
    return OAuthClient(client_id=app["client_id"], redirect_uri=app["redirect_uri"], **provider.endpoints())


def start(client, scope="openid profile email"):
    url = client.authorization_url(scope=scope)
    assert isinstance(url, str), f"authorization_url() should return the URL as a str, not {url!r}"
    return url


def query(url):
    return single(urlsplit(url).query)[0]


def approve(provider, url, user="ann"):
    """The user approves the login at the provider: the URL the browser is sent back to."""
    callback = provider.authorize(url, user=user)
    error = query(callback).get("error")
    assert error is None, f"the provider refused the authorization URL ({error}: {query(callback).get('error_description')}): {url}"
    return callback


def login(provider, client, user="ann"):
    """A whole login: the URL, the user approving at the provider, the callback."""
    return client.callback(approve(provider, start(client), user=user))


def finish(client, callback):
    """client.callback(callback), for a test that looks at the requests the
    client sent whether or not the provider accepted them."""
    try:
        return client.callback(callback)
    except OAuthError:
        return None


def the_one_token_request(provider):
    requests = provider.token_requests()
    count = len(requests)
    assert count == 1, "one login should make one request to the token endpoint"
    return requests[0]


class TestAuthorizationURL:
    def test_it_asks_the_provider_for_a_code(self, provider):
        url = start(new_client(provider), scope="openid email")
        assert url.startswith(provider.authorize_url + "?"), f"the URL should be {provider.authorize_url} and a query, not {url!r}"
        params = query(url)
        names = ["response_type", "client_id", "redirect_uri", "scope", "code_challenge_method"]
        assert {name: params.get(name) for name in names} == {
            "response_type": "code",
            "client_id": "drill-notes",
            "redirect_uri": "http://127.0.0.1:8000/auth/callback",
            "scope": "openid email",
            "code_challenge_method": "S256",
        }
        assert params.get("state") and params.get("code_challenge")

    def test_the_code_challenge_is_an_s256_hash_in_base64url_without_padding(self, provider):
        challenge = query(start(new_client(provider))).get("code_challenge", "")
        assert CHALLENGE.fullmatch(challenge), (
            f"{challenge!r} is not BASE64URL(SHA256(verifier)): 43 characters of A-Z a-z 0-9 - _, without = padding"
        )

    def test_every_login_has_a_state_and_a_challenge_of_its_own(self, provider):
        first, second = new_client(provider), new_client(provider)
        params = [query(start(first)) for _ in range(5)] + [query(start(second)) for _ in range(5)]
        states = [p.get("state", "") for p in params]
        challenges = [p.get("code_challenge") for p in params]
        assert len(set(states)) == 10, f"states repeat: {states}"
        assert len(set(challenges)) == 10, f"code challenges repeat (so do their verifiers): {challenges}"
        assert min(len(state) for state in states) >= 16, f"a state too short to be unguessable: {min(states, key=len)!r}"


class TestLogin:
    def test_a_login_gives_the_users_info(self, provider):
        assert login(provider, new_client(provider), user="ann") == provider.users["ann"]

    def test_each_client_logs_in_with_its_own_id_and_redirect_uri(self, provider):
        assert login(provider, new_client(provider, PHOTOS), user="bob") == provider.users["bob"]
        form = the_one_token_request(provider)["form"]
        assert (form.get("client_id"), form.get("redirect_uri")) == (PHOTOS["client_id"], PHOTOS["redirect_uri"])

    def test_the_code_is_exchanged_with_its_verifier_in_a_form_post(self, provider):
        client = new_client(provider)
        url = start(client)
        callback = approve(provider, url)
        finish(client, callback)
        request = the_one_token_request(provider)
        assert (request["method"], request["query"]) == ("POST", {}), "POST the parameters in the body, never in the URL"
        assert request["headers"].get("content-type", "").split(";")[0] == "application/x-www-form-urlencoded", (
            "the token request's body is a form (application/x-www-form-urlencoded), not JSON"
        )
        form = request["form"]
        names = ["grant_type", "code", "redirect_uri", "client_id"]
        assert {name: form.get(name) for name in names} == {
            "grant_type": "authorization_code",
            "code": query(callback)["code"],
            "redirect_uri": NOTES["redirect_uri"],
            "client_id": NOTES["client_id"],
        }
        verifier = form.get("code_verifier", "")
        assert UNRESERVED.fullmatch(verifier), f"code_verifier {verifier!r}: 43 to 128 characters of A-Z a-z 0-9 - . _ ~"
        assert s256(verifier) == query(url)["code_challenge"], "the code_challenge must be S256 of this verifier"
        assert request["status"] == 200, request["answer"]

    def test_the_verifier_is_never_in_the_authorization_url(self, provider):
        client = new_client(provider)
        url = start(client)
        client.callback(approve(provider, url))
        verifier = the_one_token_request(provider)["form"].get("code_verifier", "")
        assert verifier and verifier not in url, "the verifier is the secret that only the token request may carry"

    def test_the_user_info_is_asked_with_the_token_as_a_bearer(self, provider):
        client = new_client(provider)
        finish(client, approve(provider, start(client)))
        tokens = provider.issued_tokens()
        requests = provider.userinfo_requests()
        assert (len(tokens), len(requests)) == (1, 1), "one login: one token issued, one userinfo request"
        urls = [request["path"] + json.dumps(request["query"]) for request in provider.requests]
        assert [url for url in urls if tokens[0] in url] == [], "an access token in a URL ends up in logs and histories"
        authorization = requests[0]["headers"].get("authorization")
        assert authorization == f"Bearer {tokens[0]}", "send the access token in the header Authorization: Bearer <token>"
        assert requests[0]["status"] == 200, requests[0]["answer"]

    @pytest.mark.help("Each login has its own state and verifier: keep the verifier under its state until that login's callback comes.")
    def test_two_logins_under_way_at_once_both_finish(self, provider):
        client = new_client(provider)
        ann_url, bob_url = start(client), start(client)
        ann_back, bob_back = approve(provider, ann_url, user="ann"), approve(provider, bob_url, user="bob")
        assert client.callback(bob_back) == provider.users["bob"]
        assert client.callback(ann_back) == provider.users["ann"]


class TestRefusals:
    @pytest.mark.hidden
    def test_a_callback_of_a_login_this_client_did_not_start_is_refused(self, provider):
        """An attacker can send your user's browser to your callback with a code of the attacker's own: how does the client know the login began with it?"""
        victim = new_client(provider)
        victims_login = start(victim)
        attacker = new_client(provider)
        attackers_callback = approve(provider, start(attacker), user="bob")
        forged = NOTES["redirect_uri"] + "?code=" + query(attackers_callback)["code"]
        for callback in [attackers_callback, forged, forged + "&state=", forged + "&state=abcdefghijklmnopqrstuvwxyz"]:
            with pytest.raises(OAuthError):
                victim.callback(callback)
        assert provider.token_requests() == [], "a callback to refuse must be refused before its code is used"
        assert victim.callback(approve(provider, victims_login, user="ann")) == provider.users["ann"]

    def test_a_callback_works_only_once(self, provider):
        client = new_client(provider)
        callback = approve(provider, start(client))
        assert client.callback(callback) == provider.users["ann"]
        with pytest.raises(OAuthError):
            client.callback(callback)
        count = len(provider.token_requests())
        assert count == 1, "a used state must be forgotten, and its callback refused before the token endpoint is asked"

    def test_a_login_the_user_refused_raises_oauth_error(self, provider):
        client = new_client(provider)
        with pytest.raises(OAuthError):
            client.callback(provider.authorize(start(client), approve=False))
        assert provider.token_requests() == []

    def test_a_code_the_token_endpoint_refuses_raises_oauth_error(self, provider):
        client = new_client(provider)
        params = query(approve(provider, start(client)))
        with pytest.raises(OAuthError):
            client.callback(f"{NOTES['redirect_uri']}?code=made-up-{params['code'][:6]}&state={params['state']}")
        count = len(provider.token_requests())
        assert count == 1, "the code should be taken to the token endpoint, once"
        assert provider.userinfo_requests() == [], "without a token there is no user info to ask for"

    def test_a_userinfo_error_raises_oauth_error(self, provider):
        provider.userinfo_down = True
        client = new_client(provider)
        with pytest.raises(OAuthError):
            login(provider, client)
        count = len(provider.userinfo_requests())
        assert count == 1, "after the token, the userinfo endpoint should be asked, once"
