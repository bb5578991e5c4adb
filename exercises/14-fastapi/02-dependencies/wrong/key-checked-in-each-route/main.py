import os
import sqlite3
from functools import lru_cache
from typing import Annotated

from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel, Field

from repository import NoteRepository

app = FastAPI(title="Notes")


class Settings(BaseModel):
    app_name: str = "Notes"
    database: str = "/tmp/notes.db"
    api_keys: dict[str, str] = {}  # API key -> the owner it stands for
    max_notes: int = 100  # per owner


class NoteIn(BaseModel):
    text: str = Field(min_length=1, max_length=500)


def parse_api_keys(text):
    """"alice:k-1, bob:k-2" -> {"k-1": "alice", "k-2": "bob"}."""
    keys = {}
    for entry in text.split(","):
        owner, sep, key = entry.partition(":")
        if sep and owner.strip() and key.strip():
            keys[key.strip()] = owner.strip()
    return keys


@lru_cache
def get_settings():
    return Settings(
        database=os.environ.get("NOTES_DATABASE", "/tmp/notes.db"),
        api_keys=parse_api_keys(os.environ.get("NOTES_API_KEYS", "")),
    )


def get_db(settings: Annotated[Settings, Depends(get_settings)]):
    # FastAPI may run the code before and after the yield in different threads.
    connection = sqlite3.connect(settings.database, check_same_thread=False)
    try:
        yield connection
        connection.commit()
    except BaseException:
        connection.rollback()
        raise
    finally:
        connection.close()


def get_repository(db: Annotated[sqlite3.Connection, Depends(get_db)]):
    return NoteRepository(db)


def require_owner(
    settings: Annotated[Settings, Depends(get_settings)],
    x_api_key: Annotated[str | None, Header()] = None,
):
    if not x_api_key:
        raise HTTPException(status_code=401, detail="API key required")
    owner = settings.api_keys.get(x_api_key)
    if owner is None:
        raise HTTPException(status_code=403, detail="Invalid API key")
    return owner


Repository = Annotated[NoteRepository, Depends(get_repository)]
AppSettings = Annotated[Settings, Depends(get_settings)]


# Each route checks the header itself, instead of depending on require_owner.
def caller(settings, x_api_key):
    if not x_api_key:
        raise HTTPException(status_code=401, detail="API key required")
    if x_api_key not in settings.api_keys:
        raise HTTPException(status_code=403, detail="Invalid API key")
    return settings.api_keys[x_api_key]


Key = Annotated[str | None, Header()]


def add_note(repository, settings, owner, text):
    if repository.count_for(owner) >= settings.max_notes:
        raise HTTPException(status_code=409, detail="Too many notes")
    return repository.add(owner, text)


@app.get("/health")
def health(settings: AppSettings):
    return {"status": "ok", "app": settings.app_name}


@app.post("/notes", status_code=201)
def create_note(note: NoteIn, repository: Repository, settings: AppSettings, x_api_key: Key = None):
    owner = caller(settings, x_api_key)
    return add_note(repository, settings, owner, note.text)


@app.post("/notes/batch", status_code=201)
def create_notes(notes: list[NoteIn], repository: Repository, settings: AppSettings, x_api_key: Key = None):
    owner = caller(settings, x_api_key)
    return [add_note(repository, settings, owner, note.text) for note in notes]


@app.get("/notes")
def list_notes(repository: Repository, settings: AppSettings, x_api_key: Key = None):
    owner = caller(settings, x_api_key)
    return repository.list_for(owner)


@app.get("/notes/{note_id}")
def get_note(note_id: int, repository: Repository, settings: AppSettings, x_api_key: Key = None):
    owner = caller(settings, x_api_key)
    note = repository.get(note_id)
    if note is None or note["owner"] != owner:
        raise HTTPException(status_code=404, detail="Note not found")
    return note
