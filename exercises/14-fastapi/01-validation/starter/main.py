from datetime import date
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, ConfigDict, EmailStr, Field, model_validator

app = FastAPI(title="Rooms")

ROOMS = {
    1: {"id": 1, "name": "Garden single", "beds": 1, "price": 70},
    2: {"id": 2, "name": "Garden double", "beds": 2, "price": 95},
    3: {"id": 3, "name": "Sea view double", "beds": 2, "price": 140},
    4: {"id": 4, "name": "Sea view suite", "beds": 4, "price": 260},
    5: {"id": 5, "name": "Attic single", "beds": 1, "price": 55},
    6: {"id": 6, "name": "Family room", "beds": 4, "price": 180},
    7: {"id": 7, "name": "Courtyard twin", "beds": 2, "price": 90},
    8: {"id": 8, "name": "Loft studio", "beds": 2, "price": 120},
    9: {"id": 9, "name": "Tower suite", "beds": 3, "price": 310},
    10: {"id": 10, "name": "Budget bunk room", "beds": 6, "price": 150},
    11: {"id": 11, "name": "Garden family room", "beds": 5, "price": 200},
    12: {"id": 12, "name": "Sea view single", "beds": 1, "price": 110},
}

BREAKFAST_PER_GUEST_AND_NIGHT = 15
LONGEST_STAY = 14


# The body of POST /quotes: write it as a pydantic model.
class QuoteRequest(BaseModel):
    pass


@app.get("/rooms")
def list_rooms():
    # The parameters q, min_beds, max_price, limit and offset are still to come.
    return list(ROOMS.values())


@app.get("/rooms/{room_id}")
def get_room(room_id):
    return ROOMS[int(room_id)]


@app.post("/quotes")
def make_quote(quote: QuoteRequest):
    raise HTTPException(status_code=501, detail="Not written yet")
