import pytest
from django.contrib.auth.hashers import check_password, identify_hasher
from django.test import Client

from members import auth
from members.models import Member

pytestmark = pytest.mark.django_db

ADA = {"email": "ada@example.com", "name": "Ada", "password": "correct horse battery staple"}
BOB = {"email": "bob@example.com", "name": "Bob", "password": "correct horse battery staple"}


def register(client, who):
    response = client.post("/register/", who)
    assert response.status_code == 201, response.content
    return Member.objects.get(email=who["email"])


def log_in(client, email, password):
    return client.post("/login/", {"email": email, "password": password})


def stored(member):
    member.refresh_from_db()
    return member.password


def old_member(email="grace@example.com", password="from-the-old-days"):
    """A member saved before the fix, with the password in plain text."""
    return Member.objects.create(email=email, name="Grace", password=password)


def assert_hash_of(raw, value):
    assert raw not in value, f"the password {raw!r} is stored as it is: {value!r}"
    try:
        identify_hasher(value)
    except ValueError:
        pytest.fail(f"{value!r} is not a Django password hash (make_password makes one)")
    assert check_password(raw, value), f"{value!r} is not a hash of {raw!r}"


# --- it still works -------------------------------------------------------------


def test_a_new_member_can_register_and_log_in(client):
    register(client, ADA)
    response = log_in(client, ADA["email"], ADA["password"])
    assert response.status_code == 200
    assert response.json()["name"] == "Ada"


def test_a_wrong_password_or_an_unknown_email_is_refused(client):
    register(client, ADA)
    assert log_in(client, ADA["email"], "correct horse battery stapler").status_code == 401
    assert log_in(client, ADA["email"], "").status_code == 401
    assert log_in(client, "eve@example.com", ADA["password"]).status_code == 401


def test_a_member_from_before_the_fix_can_still_log_in(client):
    old_member()
    assert log_in(client, "grace@example.com", "wrong-guess").status_code == 401
    assert log_in(client, "grace@example.com", "from-the-old-days").status_code == 200
    assert log_in(client, "grace@example.com", "from-the-old-days").status_code == 200


def test_changing_the_password_works(client):
    register(client, ADA)
    log_in(client, ADA["email"], ADA["password"])
    response = client.post("/password/", {"old_password": ADA["password"], "new_password": "a brand new secret"})
    assert response.status_code == 200
    other = Client()
    assert log_in(other, ADA["email"], ADA["password"]).status_code == 401
    assert log_in(other, ADA["email"], "a brand new secret").status_code == 200


# --- nothing in plain text -----------------------------------------------------


def test_a_new_members_password_is_stored_as_a_hash(client):
    ada = register(client, ADA)
    assert_hash_of(ADA["password"], stored(ada))


def test_the_same_password_is_stored_differently_for_two_members(client):
    ada = register(client, ADA)
    bob = register(client, BOB)
    assert stored(ada) != stored(bob), "the hash needs a random salt: the same password must not give the same hash"


def test_a_changed_password_is_stored_as_a_hash(client):
    ada = register(client, ADA)
    log_in(client, ADA["email"], ADA["password"])
    client.post("/password/", {"old_password": ADA["password"], "new_password": "a brand new secret"})
    assert_hash_of("a brand new secret", stored(ada))


def test_logging_in_replaces_a_plain_text_password_with_a_hash(client):
    grace = old_member()
    assert log_in(client, "grace@example.com", "from-the-old-days").status_code == 200
    assert_hash_of("from-the-old-days", stored(grace))


def test_a_wrong_password_does_not_touch_a_plain_text_one(client):
    grace = old_member()
    log_in(client, "grace@example.com", "wrong-guess")
    assert stored(grace) == "from-the-old-days"


def test_no_password_is_left_in_plain_text_anywhere(client):
    register(client, ADA)
    register(client, BOB)
    old_member()
    log_in(client, "grace@example.com", "from-the-old-days")
    log_in(client, ADA["email"], ADA["password"])
    client.post("/password/", {"old_password": ADA["password"], "new_password": "a brand new secret"})
    secrets = [ADA["password"], "from-the-old-days", "a brand new secret"]
    for email, value in Member.objects.values_list("email", "password"):
        for secret in secrets:
            assert secret not in value, f"{email}'s stored password contains {secret!r}"


def test_an_empty_password_never_logs_in():
    Member.objects.create(email="imported@example.com", name="Imported", password="")
    assert auth.authenticate("imported@example.com", "") is None


@pytest.mark.hidden
def test_the_stored_hash_does_not_work_as_a_password(client):
    """Whoever steals the stored hashes must not be able to log in by typing a hash as the password."""
    ada = register(client, ADA)
    assert auth.authenticate(ADA["email"], stored(ada)) is None
    grace = old_member()
    log_in(client, "grace@example.com", "from-the-old-days")
    assert auth.authenticate("grace@example.com", stored(grace)) is None
