import pytest


@pytest.fixture(autouse=True)
def quick_password_hashing(settings):
    # Hashing passwords the proper (slow) way is not what this exercise is
    # about: a fast hasher keeps the tests quick.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
