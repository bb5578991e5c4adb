import os
from datetime import datetime, timedelta, timezone
from functools import lru_cache
from typing import Annotated

import bcrypt
import jwt
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import OAuth2PasswordBearer
from pydantic import BaseModel

# FastAPI's OAuth2PasswordRequestForm, for this sandbox (see forms.py).
from forms import PasswordRequestForm, password_form

app = FastAPI(title="Accounts")


class Settings(BaseModel):
    secret_key: str
    algorithm: str = "HS256"
    access_token_minutes: int = 30


@lru_cache
def get_settings():
    # No default: a server without its secret must not start signing tokens.
    return Settings(secret_key=os.environ["JWT_SECRET_KEY"])


class User(BaseModel):
    username: str
    full_name: str | None = None
    email: str | None = None
    disabled: bool = False


class Token(BaseModel):
    access_token: str
    token_type: str


# username -> {"username", "full_name", "email", "disabled", "hashed_password"}
USERS = {}


def create_user(username, password, full_name=None, email=None, disabled=False, rounds=12):
    USERS[username] = {
        "username": username,
        "full_name": full_name,
        "email": email,
        "disabled": disabled,
        "hashed_password": hash_password(password, rounds),
    }
    return USERS[username]


def hash_password(password, rounds=12):
    """A bcrypt hash of password (a str), with that many rounds."""
    raise NotImplementedError


def verify_password(password, hashed_password):
    """Whether password is the one hashed_password was made from."""
    raise NotImplementedError


def authenticate(username, password):
    """The user (their dict in USERS) if the password is theirs and they are not disabled, else None."""
    raise NotImplementedError


def create_access_token(username, settings):
    """A JWT for username, signed with the settings' secret, expiring after access_token_minutes."""
    raise NotImplementedError


def get_current_user():
    """The user of the request's Bearer token; 401 with WWW-Authenticate: Bearer otherwise."""
    raise NotImplementedError


@app.post("/token")
def login():
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/users/me")
def read_me():
    raise HTTPException(status_code=501, detail="Not written yet")
