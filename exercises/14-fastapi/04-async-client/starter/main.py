import asyncio
import os
from typing import Annotated

import httpx
from fastapi import Depends, FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, Field

app = FastAPI(title="Converter")

Code = Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class Settings(BaseModel):
    rates_url: str = "http://127.0.0.1:8100"  # the rates service
    timeout: float = 2.0  # seconds to wait for it


def get_settings():
    return Settings(rates_url=os.environ.get("RATES_URL", Settings().rates_url))


async def get_client(settings: Annotated[Settings, Depends(get_settings)]):
    """An httpx.AsyncClient for the rates service, closed after the request."""
    raise NotImplementedError


@app.get("/convert/{code}")
def convert(code: str, amount: float = 1.0):
    raise HTTPException(status_code=501, detail="Not written yet")


@app.get("/convert")
def convert_many(amount: float = 1.0):
    raise HTTPException(status_code=501, detail="Not written yet")
