import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

import pg
from drillkit import learnerside
from events import services
from events.models import Booking, Event

pytestmark = pytest.mark.django_db


def make_events():
    """Five events; their ids by title."""
    rows = [
        ("Jazz in the park", 50, ["jazz", "outdoor", "free"], {"city": "Oslo", "price": 0}),
        ("Late jazz", 20, ["jazz", "night"], {"city": "Bergen", "price": 250}),
        ("Open-air cinema", 80, ["film", "outdoor"], {"city": "Oslo", "price": 120}),
        ("Poetry night", 15, ["poetry", "night"], {"city": "oslo"}),
        ("Quiz", 30, [], {}),
    ]
    return {
        title: Event.objects.create(title=title, seats=seats, tags=tags, details=details).pk
        for title, seats, tags, details in rows
    }


def seats(event_id):
    return Event.objects.get(pk=event_id).seats


def booked(event_id):
    return sorted(Booking.objects.filter(event_id=event_id).values_list("email", flat=True))


class TestModels:
    def test_tags_are_a_postgresql_array_and_details_jsonb(self):
        judge = pg.connect()
        try:
            columns = dict(
                judge.execute(
                    "SELECT column_name, udt_name FROM information_schema.columns"
                    " WHERE table_name = 'events_event' AND column_name IN ('tags', 'details')"
                ).fetchall()
            )
        finally:
            judge.close()
        assert columns == {"tags": "_varchar", "details": "jsonb"}

    def test_an_event_keeps_its_tags_and_details(self):
        ids = make_events()
        event = Event.objects.get(pk=ids["Late jazz"])
        assert (event.tags, event.details) == (["jazz", "night"], {"city": "Bergen", "price": 250})
        assert (Event.objects.get(pk=ids["Quiz"]).tags, Event.objects.get(pk=ids["Quiz"]).details) == ([], {})

    def test_tags_and_details_may_be_left_out(self):
        event = Event.objects.create(title="Plain", seats=1)
        event.refresh_from_db()
        assert (event.tags, event.details) == ([], {})

    def test_an_email_books_an_event_once(self):
        ids = make_events()
        Booking.objects.create(event_id=ids["Quiz"], email="ana@example.com")
        with pytest.raises(IntegrityError):
            with transaction.atomic():
                Booking.objects.create(event_id=ids["Quiz"], email="ana@example.com")
        Booking.objects.create(event_id=ids["Late jazz"], email="ana@example.com")

    @pytest.mark.hidden
    def test_an_email_in_other_letters_is_the_same_email(self):
        """Ana@Example.com and ana@example.com are one person: make the constraint compare lower(email)."""
        ids = make_events()
        Booking.objects.create(event_id=ids["Quiz"], email="ana@example.com")
        with pytest.raises(IntegrityError):
            with transaction.atomic():
                Booking.objects.create(event_id=ids["Quiz"], email="Ana@Example.COM")


class TestFinding:
    def test_events_with_every_tag(self):
        make_events()
        assert services.with_all_tags(["jazz"]) == ["Jazz in the park", "Late jazz"]
        assert services.with_all_tags(["outdoor", "jazz"]) == ["Jazz in the park"]
        assert services.with_all_tags(["jazz", "film"]) == []

    def test_events_with_any_of_the_tags(self):
        make_events()
        assert services.with_any_tag(["night", "film"]) == ["Late jazz", "Open-air cinema", "Poetry night"]
        assert services.with_any_tag(["rock"]) == []

    def test_events_in_a_city(self):
        make_events()
        assert services.in_city("Oslo") == ["Jazz in the park", "Open-air cinema"]
        assert services.in_city("Bergen") == ["Late jazz"]
        assert services.in_city("Paris") == []

    @pytest.mark.help("Filter in the database: tags__contains and tags__overlap are PostgreSQL's @> and && on arrays, details__city a key of the JSONB. One query each.")
    def test_each_search_is_one_query_that_postgresql_filters(self):
        make_events()
        operators = {}
        for name, search, arg in (
            ("all", services.with_all_tags, ["jazz"]),
            ("any", services.with_any_tag, ["jazz"]),
            ("city", services.in_city, "Oslo"),
        ):
            with CaptureQueriesContext(connection) as context:
                search(arg)
            sql = [query["sql"] for query in context.captured_queries]
            operators[name] = (len(sql), " @> " in sql[0], " && " in sql[0], '"details" -> ' in sql[0])
        assert operators == {"all": (1, True, False, False), "any": (1, False, True, False), "city": (1, False, False, True)}


class TestBooking:
    def test_a_booking_takes_a_seat(self):
        ids = make_events()
        booking = services.book(ids["Late jazz"], "ana@example.com")
        assert (booking.email, booking.event_id) == ("ana@example.com", ids["Late jazz"])
        assert seats(ids["Late jazz"]) == 19
        assert booked(ids["Late jazz"]) == ["ana@example.com"]

    def test_after_the_last_seat_the_event_is_sold_out(self):
        event = Event.objects.create(title="Tiny", seats=1)
        services.book(event.pk, "ana@example.com")
        with pytest.raises(services.SoldOut):
            services.book(event.pk, "ben@example.com")
        assert (seats(event.pk), booked(event.pk)) == (0, ["ana@example.com"])

    def test_booking_twice_is_already_booked_and_takes_no_seat(self):
        ids = make_events()
        services.book(ids["Quiz"], "ana@example.com")
        with pytest.raises(services.AlreadyBooked):
            services.book(ids["Quiz"], "ana@example.com")
        assert (seats(ids["Quiz"]), booked(ids["Quiz"])) == (29, ["ana@example.com"])
        services.book(ids["Quiz"], "ben@example.com")
        assert seats(ids["Quiz"]) == 28

    def test_an_unknown_event_does_not_exist(self):
        with pytest.raises(Event.DoesNotExist):
            services.book(999999, "ana@example.com")


class TestBookingView:
    def test_a_booking_is_created(self, client):
        ids = make_events()
        response = client.post("/events/%d/book/" % ids["Late jazz"], {"email": "ana@example.com"})
        assert response.status_code == 201
        assert response.json() == {"booking": Booking.objects.get(email="ana@example.com").pk, "seats_left": 19}

    def test_sold_out_and_twice_are_refused(self, client):
        event = Event.objects.create(title="Small", seats=2)
        url = "/events/%d/book/" % event.pk
        assert client.post(url, {"email": "ana@example.com"}).status_code == 201
        assert client.post(url, {"email": "ana@example.com"}).status_code == 400
        assert client.post(url, {"email": "ben@example.com"}).json()["seats_left"] == 0
        assert client.post(url, {"email": "cy@example.com"}).status_code == 409
        assert client.post("/events/999999/book/", {"email": "ben@example.com"}).status_code == 404


@pytest.fixture
def holder():
    """A connection of the judge's to the test database, not in autocommit
    mode: another booking in progress while the learner's code runs."""
    conn = pg.connect(autocommit=False)
    yield conn
    conn.rollback()
    conn.close()


@pytest.fixture
def pool():
    """Threads in the learner's process, each with a database connection of
    its own (Django opens one per thread), ended after the test."""
    cursor = connection.cursor()
    cursor.execute("SELECT pg_backend_pid()")
    main = cursor.fetchone()[0]
    cursor.close()
    executor = learnerside.module("concurrent.futures").ThreadPoolExecutor(max_workers=2)
    yield executor
    executor.shutdown(wait=False, cancel_futures=True)
    judge = pg.connect()
    try:
        pg.end_sessions(judge, keep={main})
    finally:
        judge.close()


@pytest.fixture
def watcher():
    """A connection of the judge's in autocommit mode, which sees the
    sessions as they are now (a transaction would keep seeing one snapshot)."""
    conn = pg.connect()
    yield conn
    conn.close()


def outcome(future):
    """What a booking in a learner thread came to: the booked email, or
    "sold out"."""
    try:
        return future.result(timeout=pg.PATIENCE).email
    except services.SoldOut:
        return "sold out"


@pytest.mark.django_db(transaction=True)
class TestConcurrentBookings:
    @pytest.mark.help(
        "book() read the seats before another booking committed, and then wrote its own count over it. "
        "Read the event with Event.objects.select_for_update() inside transaction.atomic(): a second "
        "booking waits for the first and then sees the seats it left."
    )
    def test_a_booking_waits_for_one_in_progress(self, holder, watcher, pool):
        event = Event.objects.create(title="Tiny", seats=1)
        # Another request is booking the last seat and has not committed.
        holder.execute("UPDATE events_event SET seats = seats - 1 WHERE id = %s", (event.pk,))
        holder.execute("INSERT INTO events_booking (event_id, email) VALUES (%s, 'first@example.com')", (event.pk,))
        future = pool.submit(services.book, event.pk, "second@example.com")
        assert pg.wait_for_waiting(watcher, 1, exclude={holder.info.backend_pid}) == 1
        holder.commit()
        assert outcome(future) == "sold out"
        assert (seats(event.pk), booked(event.pk)) == (0, ["first@example.com"])

    def test_two_bookings_at_once_for_the_last_seat(self, holder, watcher, pool):
        event = Event.objects.create(title="Tiny", seats=1)
        holder.execute("SELECT seats FROM events_event WHERE id = %s FOR UPDATE", (event.pk,))
        first = pool.submit(services.book, event.pk, "ana@example.com")
        second = pool.submit(services.book, event.pk, "ben@example.com")
        assert pg.wait_for_waiting(watcher, 2, exclude={holder.info.backend_pid}) == 2
        holder.commit()
        results = sorted([outcome(first), outcome(second)])
        assert results in (["ana@example.com", "sold out"], ["ben@example.com", "sold out"])
        assert (seats(event.pk), booked(event.pk)) == (0, [results[0]])
