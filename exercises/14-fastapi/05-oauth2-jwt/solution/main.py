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
    return bcrypt.hashpw(password.encode(), bcrypt.gensalt(rounds)).decode()


def verify_password(password, hashed_password):
    return bcrypt.checkpw(password.encode(), hashed_password.encode())


def authenticate(username, password):
    user = USERS.get(username)
    if user is None or user["disabled"] or not verify_password(password, user["hashed_password"]):
        return None
    return user


def create_access_token(username, settings):
    now = datetime.now(timezone.utc)
    claims = {"sub": username, "iat": now, "exp": now + timedelta(minutes=settings.access_token_minutes)}
    return jwt.encode(claims, settings.secret_key, algorithm=settings.algorithm)


oauth2_scheme = OAuth2PasswordBearer(tokenUrl="token")


def unauthorized(detail):
    return HTTPException(status_code=401, detail=detail, headers={"WWW-Authenticate": "Bearer"})


def get_current_user(
    token: Annotated[str, Depends(oauth2_scheme)],
    settings: Annotated[Settings, Depends(get_settings)],
):
    try:
        claims = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[settings.algorithm],
            options={"require": ["exp", "sub"]},
        )
    except jwt.InvalidTokenError:
        raise unauthorized("Could not validate credentials") from None
    user = USERS.get(claims["sub"])
    if user is None or user["disabled"]:
        raise unauthorized("Could not validate credentials")
    return user


@app.post("/token", response_model=Token)
def login(
    form: Annotated[PasswordRequestForm, Depends(password_form)],
    settings: Annotated[Settings, Depends(get_settings)],
):
    user = authenticate(form.username, form.password)
    if user is None:
        raise unauthorized("Incorrect username or password")
    return {"access_token": create_access_token(user["username"], settings), "token_type": "bearer"}


@app.get("/users/me", response_model=User)
def read_me(user: Annotated[dict, Depends(get_current_user)]):
    return user
