"""Finding events and booking seats."""

from django.db import IntegrityError, transaction

from events.models import Booking, Event


class SoldOut(Exception):
    """The event has no free seat."""


class AlreadyBooked(Exception):
    """This email holds a booking for the event already."""


def titles(queryset):
    return list(queryset.order_by("title").values_list("title", flat=True))


def with_all_tags(tags):
    """Titles, in order, of the events tagged with every tag of the list."""
    return sorted(e.title for e in Event.objects.all() if set(tags) <= set(e.tags))


def with_any_tag(tags):
    """Titles, in order, of the events tagged with at least one of the tags."""
    return sorted(e.title for e in Event.objects.all() if set(tags) & set(e.tags))


def in_city(city):
    """Titles, in order, of the events whose details say this city."""
    # A key of a JSONField, compared in SQL (details -> 'city').
    return titles(Event.objects.filter(details__city=city))


def book(event_id, email):
    """Book a seat of the event for email and return the Booking: one seat
    fewer, never below zero, whoever books at the same time. SoldOut,
    AlreadyBooked, or Event.DoesNotExist."""
    try:
        with transaction.atomic():
            # SELECT ... FOR UPDATE: a second booking of the same event
            # waits here until this transaction ends, then reads the seats
            # this one left.
            event = Event.objects.select_for_update().get(pk=event_id)
            if event.seats == 0:
                raise SoldOut(event.title)
            booking = Booking.objects.create(event=event, email=email)
            event.seats -= 1
            event.save(update_fields=["seats"])
    except IntegrityError:
        raise AlreadyBooked(email)
    return booking
