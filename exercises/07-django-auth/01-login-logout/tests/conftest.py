import pytest


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # Only to keep the tests fast: real projects keep Django's slow, strong hasher.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
