"""Users kept in memory. Given: you do not need to change this file.

A user is stored as a dict with everything the server knows about them,
the hash of their password and when they signed up included, and the store
hands out copies of those dicts. What a client may see of a user is for the
API to decide.
"""

import hashlib
import secrets
from datetime import datetime, timezone

# Few iterations, so that the tests run fast; a real server uses far more
# (or bcrypt, as in a later exercise).
ITERATIONS = 1000


def hash_password(password):
    salt = secrets.token_hex(8)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt.encode(), ITERATIONS).hex()
    return f"pbkdf2_sha256${ITERATIONS}${salt}${digest}"


class UserStore:
    def __init__(self):
        self._users = {}
        self._next_id = 1

    def add(self, username, email, password, full_name=None):
        """Store a new user; returns the stored record."""
        user = {
            "id": self._next_id,
            "username": username,
            "email": email,
            "full_name": full_name,
            "password_hash": hash_password(password),
            "created_at": datetime.now(timezone.utc),
        }
        self._users[user["id"]] = user
        self._next_id += 1
        return dict(user)

    def get(self, user_id):
        """The record of the user with that id, or None."""
        user = self._users.get(user_id)
        return None if user is None else dict(user)

    def all(self):
        """Every user's record, by id."""
        return [dict(user) for _, user in sorted(self._users.items())]

    def find_by_username(self, username):
        """The user with that username, in any letter case, or None."""
        return next((dict(u) for u in self._users.values() if u["username"].lower() == username.lower()), None)

    def find_by_email(self, email):
        """The user with that e-mail address, in any letter case, or None."""
        return next((dict(u) for u in self._users.values() if u["email"].lower() == email.lower()), None)

    def update(self, user_id, **changes):
        """Change the given fields (email, full_name) of a user; returns the record."""
        unknown = set(changes) - {"email", "full_name"}
        if unknown:
            raise ValueError(f"cannot change {sorted(unknown)}")
        self._users[user_id].update(changes)
        return dict(self._users[user_id])

    def delete(self, user_id):
        """Remove a user; returns whether there was one."""
        return self._users.pop(user_id, None) is not None
