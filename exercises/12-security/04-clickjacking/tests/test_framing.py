import pytest

pytestmark = pytest.mark.django_db

PAGES = ["/", "/account/", "/dashboard/"]


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, f"GET {url} gave {response.status_code}"
    return response


def frame_ancestors(response):
    """The sources of the frame-ancestors directive in the response's
    Content-Security-Policy, or None if there is no such directive."""
    policy = response.headers.get("Content-Security-Policy", "")
    for directive in policy.split(";"):
        words = directive.split()
        if words and words[0].lower() == "frame-ancestors":
            return words[1:]
    return None


def x_frame_options(response):
    return response.headers.get("X-Frame-Options", "").upper()


def test_the_pages_still_work(client):
    assert "Coinpurse" in get(client, "/").content.decode()
    assert "Delete my account" in get(client, "/account/").content.decode()
    assert "EUR/USD" in get(client, "/widget/").content.decode()


def test_the_dashboard_shows_the_widget_in_a_frame(client):
    html = get(client, "/dashboard/").content.decode()
    assert '<iframe src="/widget/"' in html


def test_the_account_form_still_works(client):
    response = client.post("/account/", {"action": "delete"})
    assert response.status_code == 200
    assert "Your account will be deleted." in response.content.decode()


def test_the_other_security_headers_are_still_sent(client):
    for url in PAGES + ["/widget/"]:
        response = get(client, url)
        assert response.headers.get("X-Content-Type-Options") == "nosniff"
        assert response.headers.get("Referrer-Policy") == "same-origin"


@pytest.mark.parametrize("url", PAGES)
def test_a_page_says_x_frame_options_deny(client, url):
    assert x_frame_options(get(client, url)) == "DENY"


@pytest.mark.parametrize("url", PAGES)
def test_a_page_says_frame_ancestors_none(client, url):
    assert frame_ancestors(get(client, url)) == ["'none'"]


def test_the_answer_to_a_form_cannot_be_framed_either(client):
    response = client.post("/account/", {"action": "delete"})
    assert x_frame_options(response) == "DENY"
    assert frame_ancestors(response) == ["'none'"]


def test_the_widget_may_be_framed_by_our_own_pages_only(client):
    response = get(client, "/widget/")
    assert x_frame_options(response) == "SAMEORIGIN"
    assert frame_ancestors(response) == ["'self'"]


@pytest.mark.hidden
def test_even_an_error_page_cannot_be_framed(client):
    """Every response must forbid framing, even a 404 page that no view of ours made."""
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert x_frame_options(response) == "DENY"
    assert frame_ancestors(response) == ["'none'"]
