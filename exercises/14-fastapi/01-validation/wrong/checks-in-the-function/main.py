from datetime import date

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, ConfigDict, EmailStr

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


class QuoteRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    room_id: int
    check_in: date
    check_out: date
    guests: int = 1
    breakfast: bool = False
    guest_name: str
    email: EmailStr


def refuse(message):
    # The mistake: hand-written checks with their own error format, one at a
    # time, that the OpenAPI schema knows nothing about.
    raise HTTPException(status_code=422, detail=message)


def find_room(room_id):
    room = ROOMS.get(room_id)
    if room is None:
        raise HTTPException(status_code=404, detail="Room not found")
    return room


@app.get("/rooms")
def list_rooms(q: str | None = None, min_beds: int = 1, max_price: float | None = None, limit: int = 10, offset: int = 0):
    if q is not None and len(q) > 30:
        refuse("q is too long")
    if not 1 <= min_beds <= 6:
        refuse("min_beds must be from 1 to 6")
    if max_price is not None and max_price <= 0:
        refuse("max_price must be above 0")
    if not 1 <= limit <= 50:
        refuse("limit must be from 1 to 50")
    if offset < 0:
        refuse("offset must not be negative")
    rooms = [
        room
        for room in ROOMS.values()
        if (q is None or q.lower() in room["name"].lower())
        and room["beds"] >= min_beds
        and (max_price is None or room["price"] <= max_price)
    ]
    return rooms[offset : offset + limit]


@app.get("/rooms/{room_id}")
def get_room(room_id: int):
    if room_id < 1:
        refuse("room_id must be at least 1")
    return find_room(room_id)


@app.post("/quotes")
def make_quote(quote: QuoteRequest):
    if quote.room_id < 1:
        refuse("room_id must be at least 1")
    if not 1 <= quote.guests <= 6:
        refuse("guests must be from 1 to 6")
    if not 1 <= len(quote.guest_name) <= 80:
        refuse("guest_name must be 1 to 80 characters")
    nights = (quote.check_out - quote.check_in).days
    if not 1 <= nights <= LONGEST_STAY:
        refuse("the stay must be 1 to 14 nights")
    room = find_room(quote.room_id)
    total = nights * room["price"]
    if quote.breakfast:
        total += nights * quote.guests * BREAKFAST_PER_GUEST_AND_NIGHT
    return {"room_id": room["id"], "nights": nights, "total": total}
