from datetime import datetime, timezone

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from bookings.models import Booking, Room

pytestmark = pytest.mark.django_db


def at(hour, minute=0):
    return datetime(2025, 5, 12, hour, minute, tzinfo=timezone.utc)


def make_rooms():
    """Two rooms; "Ada" holds 8 people and is booked from 10:00 to 11:00."""
    ada = Room.objects.create(name="Ada", capacity=8)
    grace = Room.objects.create(name="Grace", capacity=20)
    Booking.objects.create(room=ada, title="Stand-up", start=at(10), end=at(11), attendees=6)
    return ada, grace


def booking(room, start=None, end=None, attendees=4, title="Planning"):
    return Booking(room=room, title=title, start=start or at(14), end=end or at(15), attendees=attendees)


def errors(instance):
    """full_clean()'s errors as {field: [messages]}; {} when it passes."""
    try:
        instance.full_clean()
    except ValidationError as error:
        return error.message_dict
    return {}


def test_a_valid_booking_passes_full_clean():
    ada, _ = make_rooms()
    assert errors(booking(ada)) == {}


def test_at_least_one_attendee():
    ada, _ = make_rooms()
    assert list(errors(booking(ada, attendees=0))) == ["attendees"]


def test_more_attendees_than_the_room_holds_are_refused():
    ada, _ = make_rooms()
    assert errors(booking(ada, attendees=9)) == {"attendees": ["Ada holds at most 8 people."]}


def test_exactly_as_many_attendees_as_the_room_holds_is_fine():
    ada, grace = make_rooms()
    assert errors(booking(ada, attendees=8)) == {}
    assert errors(booking(grace, attendees=20)) == {}
    assert list(errors(booking(grace, attendees=21))) == ["attendees"]


def test_an_end_before_the_start_is_refused():
    ada, _ = make_rooms()
    assert errors(booking(ada, start=at(15), end=at(14))) == {"__all__": ["A booking must end after it starts."]}


def test_an_end_equal_to_the_start_is_refused():
    ada, _ = make_rooms()
    assert errors(booking(ada, start=at(15), end=at(15))) == {"__all__": ["A booking must end after it starts."]}


def test_the_database_refuses_an_end_before_the_start():
    ada, _ = make_rooms()
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(room=ada, title="Backwards", start=at(15), end=at(14), attendees=2)
    assert Booking.objects.count() == 1


def test_the_database_refuses_two_bookings_of_a_room_with_the_same_start():
    ada, _ = make_rooms()
    with pytest.raises(IntegrityError), transaction.atomic():
        Booking.objects.create(room=ada, title="Again", start=at(10), end=at(10, 30), attendees=2)
    assert Booking.objects.count() == 1


def test_the_constraints_have_their_names():
    names = sorted(constraint.name for constraint in Booking._meta.constraints)
    assert names == ["booking_ends_after_start", "one_booking_per_room_and_start"]


def test_an_overlapping_booking_is_refused():
    ada, _ = make_rooms()
    clash = ["Ada is already booked at that time."]
    assert errors(booking(ada, start=at(10, 30), end=at(11, 30))) == {"__all__": clash}
    assert errors(booking(ada, start=at(9), end=at(12))) == {"__all__": clash}
    assert errors(booking(ada, start=at(10, 15), end=at(10, 45))) == {"__all__": clash}


def test_back_to_back_bookings_are_fine():
    ada, _ = make_rooms()
    assert errors(booking(ada, start=at(11), end=at(12))) == {}
    assert errors(booking(ada, start=at(9), end=at(10))) == {}
    assert list(errors(booking(ada, start=at(10, 59), end=at(12)))) == ["__all__"]


def test_the_same_time_in_another_room_is_fine():
    ada, grace = make_rooms()
    assert errors(booking(grace, start=at(10), end=at(11))) == {}
    assert list(errors(booking(ada, start=at(10), end=at(11)))) == ["__all__"]


def test_editing_a_booking_does_not_clash_with_itself():
    make_rooms()
    standup = Booking.objects.get(title="Stand-up")
    standup.title = "Daily stand-up"
    standup.end = at(10, 30)
    assert errors(standup) == {}
    assert list(errors(booking(standup.room, start=at(10, 15), end=at(10, 45)))) == ["__all__"]


@pytest.mark.hidden
def test_a_booking_with_missing_values_is_reported_not_crashed():
    """full_clean() on a booking without a room, times or attendees must report those fields (clean() must not crash)."""
    make_rooms()
    assert sorted(errors(Booking(title="Empty"))) == ["attendees", "end", "room", "start"]
