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


def get_settings():
    """The settings, read once from NOTES_DATABASE and NOTES_API_KEYS."""
    return Settings()


def get_db():
    """One SQLite connection per request: kept if the request succeeds, undone if it fails, always closed."""
    raise NotImplementedError


def get_repository():
    """A NoteRepository over the request's connection."""
    raise NotImplementedError


def require_owner():
    """The owner of the request's X-API-Key header; 401 without one, 403 for an unknown one."""
    raise NotImplementedError


@app.get("/health")
def health():
    return {"status": "ok", "app": "Notes"}


@app.post("/notes", status_code=201)
def create_note(note: NoteIn):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.post("/notes/batch", status_code=201)
def create_notes(notes: list[NoteIn]):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/notes")
def list_notes():
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/notes/{note_id}")
def get_note(note_id: int):
    raise HTTPException(status_code=501, detail="Not written yet")
