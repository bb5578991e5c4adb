from urllib.parse import quote

import pytest

from drillkit import learnerside

SECRET = b"TOP SECRET: the admin password is hunter2"
PRIVATE = b"-----BEGIN PRIVATE KEY-----"


def make_files(settings):
    """A new folder whose downloads/ is the downloads folder; next to it lie
    files that must never be served. They are made in the learner's process,
    where the view reads them. The folder's path."""
    root = learnerside.module("tempfile").mkdtemp(dir="/tmp")
    path = learnerside.module("pathlib").Path
    path(root, "downloads", "manuals").mkdir(parents=True)
    path(root, "downloads", "report.txt").write_bytes(b"Quarterly numbers: up 4%.")
    path(root, "downloads", "manuals", "setup guide.pdf").write_bytes(b"%PDF-1.4 how to set it up")
    path(root, "secret.txt").write_bytes(SECRET)
    path(root, "downloads-private").mkdir()
    path(root, "downloads-private", "keys.txt").write_bytes(PRIVATE)
    settings.DOWNLOADS_DIR = root + "/downloads"
    return root


def body(response):
    if response.streaming:
        content = b"".join(response.streaming_content)
        response.close()
        return content
    return response.content


def fetch(client, name):
    """GET /download/?name=<name>, with name encoded as a browser would."""
    return client.get("/download/?name=" + quote(name, safe=""))


def fetch_raw(client, query):
    """GET /download/?<query>, with query sent exactly as written."""
    return client.get("/download/?" + query)


def assert_refused(response):
    content = body(response)
    assert SECRET not in content
    assert PRIVATE not in content
    assert response.status_code in (400, 403, 404), f"status {response.status_code}, expected 404"


def test_a_file_can_be_downloaded(client, settings):
    make_files(settings)
    response = fetch(client, "report.txt")
    assert response.status_code == 200
    assert body(response) == b"Quarterly numbers: up 4%."
    assert response["Content-Disposition"] == 'attachment; filename="report.txt"'


def test_a_file_in_a_sub_folder_can_be_downloaded(client, settings):
    make_files(settings)
    response = fetch(client, "manuals/setup guide.pdf")
    assert response.status_code == 200
    assert body(response) == b"%PDF-1.4 how to set it up"


def test_a_file_that_does_not_exist_gives_404(client, settings):
    make_files(settings)
    assert fetch(client, "nothing.txt").status_code == 404
    assert fetch(client, "manuals/nothing.pdf").status_code == 404


def test_a_folder_or_no_name_gives_404(client, settings):
    make_files(settings)
    assert fetch(client, "manuals").status_code == 404
    assert fetch(client, "").status_code == 404
    assert client.get("/download/").status_code == 404


def test_a_name_with_a_nul_character_gives_404(client, settings):
    make_files(settings)
    assert fetch(client, "report.txt\x00.png").status_code == 404


@pytest.mark.parametrize(
    "name",
    [
        "../secret.txt",
        "manuals/../../secret.txt",
        "./../secret.txt",
        "manuals/./../../secret.txt",
        "....//secret.txt",
        "..//secret.txt",
    ],
)
def test_dot_dot_cannot_leave_the_downloads_folder(client, settings, name):
    make_files(settings)
    assert_refused(fetch(client, name))


def test_an_absolute_path_is_not_served(client, settings):
    root = make_files(settings)
    assert_refused(fetch(client, root + "/secret.txt"))
    response = fetch(client, "/etc/passwd")
    assert b"root:" not in body(response)
    assert response.status_code in (400, 403, 404)


@pytest.mark.parametrize(
    "query",
    [
        "name=%2e%2e%2fsecret.txt",
        "name=%2E%2E/secret.txt",
        "name=..%2Fsecret.txt",
        "name=manuals%2F..%2F..%2Fsecret.txt",
        "name=%252e%252e%252fsecret.txt",
    ],
)
def test_an_encoded_dot_dot_cannot_leave_the_downloads_folder(client, settings, query):
    make_files(settings)
    assert_refused(fetch_raw(client, query))


@pytest.mark.hidden
def test_a_folder_whose_name_starts_like_the_downloads_folder_is_outside_it(client, settings):
    """/tmp/downloads-private is not inside /tmp/downloads, although its path starts with the same text."""
    make_files(settings)
    assert_refused(fetch(client, "../downloads-private/keys.txt"))
