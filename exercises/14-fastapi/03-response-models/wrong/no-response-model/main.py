from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel, EmailStr, Field, field_validator

from store import UserStore

app = FastAPI(title="Users")

users = UserStore()


def get_store():
    return users


Store = Annotated[UserStore, Depends(get_store)]


class UserCreate(BaseModel):
    username: str = Field(pattern=r"^[a-z0-9_]{3,30}$")
    email: EmailStr
    password: str = Field(min_length=8)
    full_name: str | None = None


class UserUpdate(BaseModel):
    email: EmailStr | None = None
    full_name: str | None = None

    @field_validator("email")
    @classmethod
    def email_is_not_null(cls, email):
        # Runs only for an email that was sent: it may be left out, not null.
        if email is None:
            raise ValueError("email cannot be null")
        return email


class UserOut(BaseModel):
    id: int
    username: str
    email: str
    full_name: str | None


class UserSummary(BaseModel):
    id: int
    username: str


def find_user(store, user_id):
    user = store.get(user_id)
    if user is None:
        raise HTTPException(status_code=404, detail="User not found")
    return user


def email_is_free(store, email, user_id=None):
    owner = store.find_by_email(email)
    if owner is not None and owner["id"] != user_id:
        raise HTTPException(status_code=409, detail="Email already registered")


@app.post("/users", status_code=201)
def create_user(body: UserCreate, store: Store, response: Response):
    if store.find_by_username(body.username) is not None:
        raise HTTPException(status_code=409, detail="Username already taken")
    email_is_free(store, body.email)
    user = store.add(body.username, body.email, body.password, body.full_name)
    response.headers["Location"] = f"/users/{user['id']}"
    return user


@app.get("/users")
def list_users(store: Store):
    return store.all()


@app.get("/users/{user_id}")
def get_user(user_id: int, store: Store):
    return find_user(store, user_id)


# No response model: the stored records go out as they are.
@app.patch("/users/{user_id}")
def update_user(user_id: int, body: UserUpdate, store: Store):
    find_user(store, user_id)
    changes = body.model_dump(exclude_unset=True)
    if "email" in changes:
        email_is_free(store, changes["email"], user_id)
    return store.update(user_id, **changes)


@app.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int, store: Store):
    if not store.delete(user_id):
        raise HTTPException(status_code=404, detail="User not found")
