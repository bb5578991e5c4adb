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
    """The body of POST /users."""


class UserUpdate(BaseModel):
    """The body of PATCH /users/{user_id}."""


class UserOut(BaseModel):
    """A user as GET /users/{user_id} shows them."""


class UserSummary(BaseModel):
    """A user as the list shows them."""


@app.post("/users")
def create_user(body: UserCreate, store: Store):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/users")
def list_users(store: Store):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/users/{user_id}")
def get_user(user_id: int, store: Store):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.patch("/users/{user_id}")
def update_user(user_id: int, body: UserUpdate, store: Store):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.delete("/users/{user_id}")
def delete_user(user_id: int, store: Store):
    raise HTTPException(status_code=501, detail="Not written yet")
