from datetime import date

import pytest
from freezegun import freeze_time

from bookings.serializers import BookingSerializer

# Every test runs on 1 May 2030.
TODAY = "2030-05-01"


@pytest.fixture
def today():
    """The clock on TODAY, where the learner's code reads it (freezegun acts in its process)."""
    with freeze_time(TODAY):
        yield


def booking(**changes):
    data = {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "room": "double",
        "guests": 2,
        "check_in": "2030-05-10",
        "check_out": "2030-05-13",
    }
    data.update(changes)
    return data


def errors(data):
    """The serializer's errors for data, as plain lists of messages."""
    serializer = BookingSerializer(data=data)
    serializer.is_valid()
    return {field: [str(message) for message in messages] for field, messages in serializer.errors.items()}


def valid_data(data):
    serializer = BookingSerializer(data=data)
    assert serializer.is_valid() is True, serializer.errors
    return dict(serializer.validated_data)


@pytest.mark.usefixtures("today")
def test_a_valid_booking_gives_clean_data_with_the_nights():
    assert valid_data(booking()) == {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "room": "double",
        "guests": 2,
        "check_in": date(2030, 5, 10),
        "check_out": date(2030, 5, 13),
        "nights": 3,
    }


@pytest.mark.usefixtures("today")
def test_the_name_is_trimmed_and_the_email_lowercased():
    data = valid_data(booking(name="  Grace Hopper ", email="Grace.Hopper@Example.COM"))
    assert (data["name"], data["email"]) == ("Grace Hopper", "grace.hopper@example.com")


@pytest.mark.usefixtures("today")
def test_every_field_is_required():
    assert set(errors({})) == {"name", "email", "room", "guests", "check_in", "check_out"}


@pytest.mark.usefixtures("today")
def test_a_name_with_digits_is_refused():
    assert errors(booking(name="R2D2")) == {"name": ["Names cannot contain digits."]}


@pytest.mark.usefixtures("today")
def test_a_name_of_more_than_100_characters_is_refused():
    assert set(errors(booking(name="A" * 101))) == {"name"}
    assert errors(booking(name="A" * 100)) == {}


@pytest.mark.usefixtures("today")
def test_a_malformed_email_is_refused():
    assert set(errors(booking(email="ada-at-example.com"))) == {"email"}


@pytest.mark.usefixtures("today")
def test_an_unknown_room_type_is_refused():
    assert set(errors(booking(room="penthouse"))) == {"room"}


@pytest.mark.usefixtures("today")
def test_there_is_at_least_one_guest():
    assert set(errors(booking(guests=0))) == {"guests"}
    assert set(errors(booking(guests="two"))) == {"guests"}


@pytest.mark.usefixtures("today")
def test_dates_must_be_real_dates():
    assert set(errors(booking(check_in="2030-02-30"))) == {"check_in"}


@pytest.mark.usefixtures("today")
def test_a_check_in_in_the_past_is_refused():
    assert errors(booking(check_in="2030-04-30")) == {"check_in": ["Check-in cannot be in the past."]}


@pytest.mark.usefixtures("today")
def test_checking_in_today_is_fine():
    assert valid_data(booking(check_in=TODAY, check_out="2030-05-02"))["nights"] == 1


@pytest.mark.usefixtures("today")
def test_check_out_must_come_after_check_in():
    message = {"check_out": ["Check-out must be after check-in."]}
    assert errors(booking(check_out="2030-05-09")) == message
    assert errors(booking(check_out="2030-05-10")) == message


@pytest.mark.usefixtures("today")
def test_a_room_holds_only_so_many_guests():
    assert errors(booking(room="double", guests=3)) == {
        "non_field_errors": ["A double room holds at most 2 guests."]
    }
    assert errors(booking(room="single", guests=2)) == {
        "non_field_errors": ["A single room holds at most 1 guest."]
    }
    assert errors(booking(room="suite", guests=5)) == {
        "non_field_errors": ["A suite room holds at most 4 guests."]
    }


@pytest.mark.usefixtures("today")
def test_a_suite_holds_four_guests():
    assert valid_data(booking(room="suite", guests=4))["guests"] == 4


@pytest.mark.usefixtures("today")
def test_errors_in_several_fields_are_reported_together():
    assert errors(booking(name="Agent 007", check_in="2029-12-31")) == {
        "name": ["Names cannot contain digits."],
        "check_in": ["Check-in cannot be in the past."],
    }


@pytest.mark.hidden
def test_the_past_is_measured_from_today():
    """A check-in is in the past when it is before today's date, whatever day the check runs."""
    with freeze_time("2031-01-01"):
        assert errors(booking()) == {"check_in": ["Check-in cannot be in the past."]}


def test_a_booking_is_serialized_with_dates_as_text():
    data = BookingSerializer(
        {
            "name": "Ada Lovelace",
            "email": "ada@example.com",
            "room": "single",
            "guests": 1,
            "check_in": date(2030, 5, 10),
            "check_out": date(2030, 5, 11),
        }
    ).data
    assert dict(data) == {
        "name": "Ada Lovelace",
        "email": "ada@example.com",
        "room": "single",
        "guests": 1,
        "check_in": "2030-05-10",
        "check_out": "2030-05-11",
    }
