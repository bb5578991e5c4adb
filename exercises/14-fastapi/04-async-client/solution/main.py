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
    async with httpx.AsyncClient(base_url=settings.rates_url, timeout=settings.timeout) as client:
        yield client


Client = Annotated[httpx.AsyncClient, Depends(get_client)]


async def fetch_rate(client, code):
    """The rate of one currency; the rates service's failures as HTTPExceptions."""
    try:
        response = await client.get(f"/rates/{code}")
    except httpx.TimeoutException:
        raise HTTPException(status_code=504, detail="Rates service timed out") from None
    except httpx.RequestError:
        raise HTTPException(status_code=502, detail="Rates service failed") from None
    if response.status_code == 404:
        raise HTTPException(status_code=404, detail=f"Unknown currency: {code}")
    if response.status_code != 200:
        raise HTTPException(status_code=502, detail="Rates service failed")
    try:
        rate = response.json()["rate"]
    except (ValueError, KeyError, TypeError):
        raise HTTPException(status_code=502, detail="Rates service failed") from None
    if type(rate) not in (int, float):
        raise HTTPException(status_code=502, detail="Rates service failed")
    return rate


@app.get("/convert/{code}")
async def convert(
    code: Annotated[str, Path(pattern=r"^[A-Z]{3}$")],
    client: Client,
    amount: Annotated[float, Query(gt=0)] = 1.0,
):
    rate = await fetch_rate(client, code)
    return {"code": code, "amount": amount, "rate": rate, "result": round(amount * rate, 2)}


@app.get("/convert")
async def convert_many(
    client: Client,
    to: Annotated[list[Code], Query(min_length=1, max_length=5)],
    amount: Annotated[float, Query(gt=0)] = 1.0,
):
    rates = await asyncio.gather(*(fetch_rate(client, code) for code in to), return_exceptions=True)
    for rate in rates:
        if isinstance(rate, BaseException):
            raise rate  # the first failed currency, in the order asked
    return {"amount": amount, "results": {code: round(amount * rate, 2) for code, rate in zip(to, rates)}}
