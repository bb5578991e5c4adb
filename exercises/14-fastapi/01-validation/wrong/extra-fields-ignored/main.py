from datetime import date
from typing import Annotated

from fastapi import FastAPI, HTTPException, Path, Query
from pydantic import BaseModel, EmailStr, Field, model_validator

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


# Fields the model does not have are quietly dropped.
class QuoteRequest(BaseModel):
    room_id: int = Field(ge=1)
    check_in: date
    check_out: date
    guests: int = Field(default=1, ge=1, le=6)
    breakfast: bool = False
    guest_name: str = Field(min_length=1, max_length=80)
    email: EmailStr

    @model_validator(mode="after")
    def stay_is_one_to_fourteen_nights(self):
        nights = (self.check_out - self.check_in).days
        if nights < 1:
            raise ValueError("check_out must be after check_in")
        if nights > LONGEST_STAY:
            raise ValueError(f"a stay is at most {LONGEST_STAY} nights")
        return self


def find_room(room_id):
    room = ROOMS.get(room_id)
    if room is None:
        raise HTTPException(status_code=404, detail="Room not found")
    return room


@app.get("/rooms")
def list_rooms(
    q: Annotated[str | None, Query(max_length=30)] = None,
    min_beds: Annotated[int, Query(ge=1, le=6)] = 1,
    max_price: Annotated[float | None, Query(gt=0)] = None,
    limit: Annotated[int, Query(ge=1, le=50)] = 10,
    offset: Annotated[int, Query(ge=0)] = 0,
):
    rooms = [
        room
        for room in ROOMS.values()
        if (q is None or q.lower() in room["name"].lower())
        and room["beds"] >= min_beds
        and (max_price is None or room["price"] <= max_price)
    ]
    return rooms[offset : offset + limit]


@app.get("/rooms/{room_id}")
def get_room(room_id: Annotated[int, Path(ge=1)]):
    return find_room(room_id)


@app.post("/quotes")
def make_quote(quote: QuoteRequest):
    room = find_room(quote.room_id)
    nights = (quote.check_out - quote.check_in).days
    total = nights * room["price"]
    if quote.breakfast:
        total += nights * quote.guests * BREAKFAST_PER_GUEST_AND_NIGHT
    return {"room_id": room["id"], "nights": nights, "total": total}
