import pytest

from drillkit import learnerside
import main

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

QUOTE = {
    "room_id": 3,
    "check_in": "2030-05-01",
    "check_out": "2030-05-04",
    "guests": 2,
    "breakfast": True,
    "guest_name": "Ada Lovelace",
    "email": "ada@example.com",
}


@pytest.fixture
def client():
    """FastAPI's TestClient, made in the learner's process where the app runs."""
    testclient = learnerside.module("fastapi.testclient")
    with testclient.TestClient(main.app) as client:
        yield client


def ids(response):
    """The ids of the rooms a 200 list response holds, in order."""
    assert response.status_code == 200, response.text
    return [room["id"] for room in response.json()]


def rejected(response):
    """The places (loc) pydantic named in a 422 response, as tuples, sorted."""
    assert response.status_code == 422, f"expected 422, got {response.status_code}: {response.text}"
    detail = response.json()["detail"]
    assert isinstance(detail, list), f"a 422 from FastAPI's validation has a list of errors as detail, not {detail!r}"
    return sorted(tuple(error["loc"]) for error in detail)


def quote(client, **changes):
    body = {**QUOTE, **changes}
    for name in [name for name, value in changes.items() if value is ...]:
        del body[name]
    return client.post("/quotes", json=body)


class TestRoom:
    def test_a_room_is_found_by_its_id(self, client):
        response = client.get("/rooms/4")
        assert response.status_code == 200
        assert response.json() == ROOMS[4]
        assert client.get("/rooms/12").json() == ROOMS[12]

    def test_an_unknown_room_is_404(self, client):
        response = client.get("/rooms/13")
        assert (response.status_code, response.json()) == (404, {"detail": "Room not found"})

    @pytest.mark.parametrize("room_id", ["0", "-3", "abc", "1.5"])
    def test_a_room_id_that_is_not_a_whole_number_from_1_is_422(self, client, room_id):
        assert rejected(client.get(f"/rooms/{room_id}")) == [("path", "room_id")]
        assert client.get("/rooms/1").status_code == 200


class TestList:
    def test_the_first_ten_rooms_by_default(self, client):
        assert ids(client.get("/rooms")) == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]

    def test_a_room_in_the_list_has_every_field(self, client):
        assert client.get("/rooms").json()[0] == ROOMS[1]

    def test_limit_and_offset_pick_a_page(self, client):
        assert ids(client.get("/rooms", params={"limit": 3, "offset": 2})) == [3, 4, 5]
        assert ids(client.get("/rooms", params={"offset": 10})) == [11, 12]
        assert ids(client.get("/rooms", params={"limit": 50})) == list(range(1, 13))
        assert ids(client.get("/rooms", params={"offset": 12})) == []

    @pytest.mark.parametrize("params, name", [
        pytest.param({"limit": 0}, "limit", id="limit=0"),
        pytest.param({"limit": 51}, "limit", id="limit=51"),
        pytest.param({"limit": "ten"}, "limit", id="limit=ten"),
        pytest.param({"offset": -1}, "offset", id="offset=-1"),
    ])
    def test_limit_from_1_to_50_and_offset_from_0(self, client, params, name):
        assert rejected(client.get("/rooms", params=params)) == [("query", name)]
        assert ids(client.get("/rooms", params={"limit": 1, "offset": 0})) == [1]

    def test_q_finds_a_piece_of_the_name_in_any_case(self, client):
        assert ids(client.get("/rooms", params={"q": "sea view"})) == [3, 4, 12]
        assert ids(client.get("/rooms", params={"q": "GARDEN"})) == [1, 2, 11]
        assert ids(client.get("/rooms", params={"q": "penthouse"})) == []

    def test_q_is_at_most_30_characters(self, client):
        assert ids(client.get("/rooms", params={"q": "s" * 30})) == []
        assert rejected(client.get("/rooms", params={"q": "s" * 31})) == [("query", "q")]

    def test_min_beds_keeps_rooms_with_at_least_that_many_beds(self, client):
        assert ids(client.get("/rooms", params={"min_beds": 4})) == [4, 6, 10, 11]
        assert ids(client.get("/rooms", params={"min_beds": 6})) == [10]

    @pytest.mark.parametrize("min_beds", [0, 7])
    def test_min_beds_is_from_1_to_6(self, client, min_beds):
        assert rejected(client.get("/rooms", params={"min_beds": min_beds})) == [("query", "min_beds")]

    def test_max_price_keeps_rooms_up_to_that_price(self, client):
        assert ids(client.get("/rooms", params={"max_price": 120})) == [1, 2, 5, 7, 8, 12]
        assert ids(client.get("/rooms", params={"max_price": 89.5})) == [1, 5]

    @pytest.mark.parametrize("max_price", ["0", "-10", "cheap"])
    def test_max_price_is_a_number_above_0(self, client, max_price):
        assert rejected(client.get("/rooms", params={"max_price": max_price})) == [("query", "max_price")]
        assert ids(client.get("/rooms", params={"max_price": "0.5"})) == []

    def test_filters_combine(self, client):
        params = {"q": "garden", "min_beds": 2, "max_price": 199}
        assert ids(client.get("/rooms", params=params)) == [2]
        params = {"min_beds": 2, "max_price": 150, "limit": 2, "offset": 1}
        assert ids(client.get("/rooms", params=params)) == [3, 7]

    @pytest.mark.hidden
    def test_every_bad_parameter_is_reported_at_once(self, client):
        """Declare each constraint on its parameter, so that FastAPI reports every bad one in one 422."""
        response = client.get("/rooms", params={"limit": 0, "offset": -1, "min_beds": 9})
        assert rejected(response) == [("query", "limit"), ("query", "min_beds"), ("query", "offset")]

    @pytest.mark.hidden
    def test_the_constraints_are_in_the_openapi_schema(self, client):
        """Constraints declared with Query(...) show in /openapi.json: declare them there, not as checks in the function."""
        operation = client.get("/openapi.json").json()["paths"]["/rooms"]["get"]
        found = {parameter["name"]: constraints(parameter["schema"]) for parameter in operation.get("parameters", [])}
        assert found == {
            "q": {"maxLength": 30},
            "min_beds": {"minimum": 1, "maximum": 6, "default": 1},
            "max_price": {"exclusiveMinimum": 0},
            "limit": {"minimum": 1, "maximum": 50, "default": 10},
            "offset": {"minimum": 0, "default": 0},
        }


def constraints(schema):
    """The constraints of a parameter's JSON schema, wherever they are
    (an optional one's are in anyOf); for whole numbers > n is >= n+1."""
    found = {}
    for part in [schema, *schema.get("anyOf", [])]:
        for key in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "maxLength", "minLength"):
            if key in part:
                found[key] = part[key]
        if part.get("type") == "integer":
            if "exclusiveMinimum" in found:
                found["minimum"] = found.pop("exclusiveMinimum") + 1
            if "exclusiveMaximum" in found:
                found["maximum"] = found.pop("exclusiveMaximum") - 1
    if schema.get("default") is not None:
        found["default"] = schema["default"]
    return found


class TestQuote:
    def test_a_quote_with_breakfast(self, client):
        response = quote(client)
        assert response.status_code == 200, response.text
        assert response.json() == {"room_id": 3, "nights": 3, "total": 3 * 140 + 3 * 2 * 15}

    def test_a_quote_without_breakfast(self, client):
        response = quote(client, room_id=9, check_in="2030-12-30", check_out="2031-01-02", breakfast=False, guests=3)
        assert response.json() == {"room_id": 9, "nights": 3, "total": 3 * 310}

    def test_guests_and_breakfast_have_defaults(self, client):
        response = quote(client, room_id=5, check_in="2030-02-27", check_out="2030-03-02", guests=..., breakfast=...)
        assert response.json() == {"room_id": 5, "nights": 3, "total": 3 * 55}
        response = quote(client, room_id=5, check_in="2030-02-27", check_out="2030-03-01", guests=...)
        assert response.json() == {"room_id": 5, "nights": 2, "total": 2 * 55 + 2 * 15}

    def test_a_quote_for_an_unknown_room_is_404(self, client):
        response = quote(client, room_id=40)
        assert (response.status_code, response.json()) == (404, {"detail": "Room not found"})

    def test_every_missing_field_is_reported(self, client):
        response = client.post("/quotes", json={"guests": 2})
        assert rejected(response) == [
            ("body", "check_in"),
            ("body", "check_out"),
            ("body", "email"),
            ("body", "guest_name"),
            ("body", "room_id"),
        ]

    def test_a_body_that_is_not_json_is_422(self, client):
        response = client.post("/quotes", content=b"room_id=3", headers={"Content-Type": "application/json"})
        assert response.status_code == 422
        assert quote(client).status_code == 200

    @pytest.mark.parametrize("guests", [0, 7, -1, 2.5])
    def test_guests_are_from_1_to_6(self, client, guests):
        assert rejected(quote(client, guests=guests)) == [("body", "guests")]
        assert quote(client, guests=6).status_code == 200

    @pytest.mark.parametrize("room_id", [0, -2, "three"])
    def test_room_id_is_a_whole_number_from_1(self, client, room_id):
        assert rejected(quote(client, room_id=room_id)) == [("body", "room_id")]

    @pytest.mark.parametrize("field, value", [
        ("check_in", "01/05/2030"),
        ("check_out", "2030-02-30"),
        ("check_in", "tomorrow"),
    ])
    def test_dates_are_iso_dates(self, client, field, value):
        assert rejected(quote(client, **{field: value})) == [("body", field)]

    @pytest.mark.parametrize("email", ["ada", "ada@", "@example.com", "ada at example.com"])
    def test_email_must_be_an_email_address(self, client, email):
        assert rejected(quote(client, email=email)) == [("body", "email")]
        assert quote(client, email="ada.lovelace+rooms@example.org").status_code == 200

    @pytest.mark.parametrize("name", [pytest.param("", id="empty"), pytest.param("x" * 81, id="81 characters")])
    def test_guest_name_is_1_to_80_characters(self, client, name):
        assert rejected(quote(client, guest_name=name)) == [("body", "guest_name")]
        assert quote(client, guest_name="x" * 80).status_code == 200

    @pytest.mark.parametrize("check_out", ["2030-05-01", "2030-04-28"])
    def test_check_out_must_be_after_check_in(self, client, check_out):
        response = quote(client, check_in="2030-05-01", check_out=check_out)
        assert response.status_code == 422
        assert all(loc[0] == "body" for loc in rejected(response))

    def test_a_stay_is_at_most_14_nights(self, client):
        response = quote(client, room_id=1, check_in="2030-07-01", check_out="2030-07-15", breakfast=False, guests=1)
        assert response.json() == {"room_id": 1, "nights": 14, "total": 14 * 70}
        response = quote(client, room_id=1, check_in="2030-07-01", check_out="2030-07-16")
        assert response.status_code == 422
        assert all(loc[0] == "body" for loc in rejected(response))

    @pytest.mark.hidden
    @pytest.mark.parametrize("extra", [
        pytest.param({"total": 1}, id="total"),
        pytest.param({"price": 10, "discount": 100}, id="price and discount"),
    ])
    def test_a_field_the_api_does_not_know_is_refused(self, client, extra):
        """A client that sends fields the model does not have (a total, a discount) gets a 422, not a quietly ignored field."""
        response = client.post("/quotes", json={**QUOTE, **extra})
        assert rejected(response) == sorted(("body", name) for name in extra)
