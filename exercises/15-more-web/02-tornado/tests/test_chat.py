import json
import time

import pytest

from chatserver import Pool, Request, Server, get, post
from wsclient import WebSocket


@pytest.fixture
def port():
    """The port of a new chat application, served for this test."""
    with Server() as server:
        yield server.ports[0]


def message(id, user, text):
    return {"id": id, "user": user, "text": text}


def messages(port, query=""):
    response = get(port, "/messages" + query)
    assert response.status == 200, response
    return response.json()


def connect(port, **options):
    socket = WebSocket(port, **options)
    assert socket.status == 101, f"GET /socket answered {socket.status} instead of switching to a websocket (101)"
    return socket


@pytest.fixture(scope="class")
def pool():
    with Pool() as pool:
        yield pool


class TestMessages:
    @pytest.fixture
    def port(self, pool):
        """A new application of its own for each test, without a program of its own."""
        return pool.take()

    def test_posted_messages_are_numbered_and_listed(self, port):
        response = post(port, "/messages", {"user": "ann", "text": "Hello"})
        assert response.status == 201
        assert response.json() == message(1, "ann", "Hello")
        assert post(port, "/messages", {"user": "bob", "text": "Hi, ann!"}).json() == message(2, "bob", "Hi, ann!")
        assert messages(port) == {"messages": [message(1, "ann", "Hello"), message(2, "bob", "Hi, ann!")]}

    def test_a_new_chat_has_no_messages(self, port):
        assert messages(port) == {"messages": []}

    def test_other_fields_are_left_out(self, port):
        response = post(port, "/messages", {"user": "ann", "text": "Hello", "id": 7, "admin": True})
        assert response.json() == message(1, "ann", "Hello")
        assert messages(port) == {"messages": [message(1, "ann", "Hello")]}

    def test_after_lists_only_the_newer_messages(self, port):
        for n in range(1, 6):
            post(port, "/messages", {"user": "ann", "text": f"number {n}"})
        assert messages(port, "?after=3") == {"messages": [message(4, "ann", "number 4"), message(5, "ann", "number 5")]}
        assert messages(port, "?after=5") == {"messages": []}
        assert len(messages(port, "?after=0")["messages"]) == 5

    @pytest.mark.parametrize("body", [
        {"user": "ann"},
        {"text": "Hello"},
        {"user": "", "text": "Hello"},
        {"user": "ann", "text": "   "},
        {"user": 7, "text": "Hello"},
        {"user": "ann", "text": ["Hello"]},
        ["ann", "Hello"],
        b"{not json",
    ], ids=repr)
    def test_an_invalid_message_is_400_and_not_stored(self, port, body):
        response = post(port, "/messages", body)
        assert response.status == 400
        response.error()
        assert messages(port) == {"messages": []}

    @pytest.mark.parametrize("query", ["?after=x", "?after=-1", "?after=1.5", "?wait=soon", "?wait=-1", "?wait=31"])
    def test_a_bad_after_or_wait_is_400(self, port, query):
        response = get(port, "/messages" + query)
        assert response.status == 400
        response.error()


class TestWaiting:
    @pytest.mark.help("Tornado serves everything from one thread: a handler that sleeps, or loops until a message comes, stops the whole server. Await something that a new message sets off instead.")
    def test_a_waiting_get_answers_as_soon_as_a_message_comes(self, port):
        post(port, "/messages", {"user": "ann", "text": "first"})
        # Its answer must come when the message does, long before wait runs out.
        waiting = Request(port, "GET", "/messages?after=1&wait=30", timeout=8)
        time.sleep(0.3)  # time for the server to take the request and start waiting
        post(port, "/messages", {"user": "bob", "text": "second"})
        response = waiting.response()
        assert (response.status, response.json()) == (200, {"messages": [message(2, "bob", "second")]})

    def test_a_get_with_newer_messages_does_not_wait(self, port):
        post(port, "/messages", {"user": "ann", "text": "first"})
        response = get(port, "/messages?after=0&wait=30", timeout=8)
        assert response.json() == {"messages": [message(1, "ann", "first")]}

    def test_a_waiting_get_gives_up_after_wait_seconds(self, port):
        start = time.monotonic()
        response = get(port, "/messages?wait=0.5")
        assert (response.status, response.json()) == (200, {"messages": []})
        assert time.monotonic() - start >= 0.45, "with no message, the GET should wait for `wait` seconds"

    @pytest.mark.help("Tornado serves everything from one thread: a handler that sleeps, or loops until a message comes, stops the whole server. Await something that a new message sets off instead.")
    def test_the_server_answers_others_while_a_get_waits(self, port):
        waiting = Request(port, "GET", "/messages?wait=30", timeout=8)
        time.sleep(0.3)
        assert get(port, "/messages", timeout=8).json() == {"messages": []}
        assert post(port, "/messages", {"user": "ann", "text": "Hello"}).status == 201
        assert waiting.response().json() == {"messages": [message(1, "ann", "Hello")]}

    @pytest.mark.help("A new message must wake every request that waits for one, not only the first.")
    def test_every_waiting_get_gets_the_new_message(self, port):
        # Each answer must come when the message does, long before wait runs out.
        waiting = [Request(port, "GET", "/messages?after=0&wait=30", timeout=8) for _ in range(3)]
        time.sleep(0.3)
        post(port, "/messages", {"user": "ann", "text": "Hello"})
        assert [request.response().json() for request in waiting] == [{"messages": [message(1, "ann", "Hello")]}] * 3


class TestSocket:
    def test_a_message_from_a_socket_goes_to_every_socket(self, port):
        ann, bob = connect(port), connect(port)
        ann.send_json({"user": "ann", "text": "Hello"})
        assert ann.receive_json() == message(1, "ann", "Hello")
        assert bob.receive_json() == message(1, "ann", "Hello")
        bob.send_json({"user": "bob", "text": "Hi!"})
        assert [bob.receive_json(), ann.receive_json()] == [message(2, "bob", "Hi!")] * 2

    def test_a_message_from_a_socket_is_listed(self, port):
        ann = connect(port)
        ann.send_json({"user": "ann", "text": "Hello"})
        ann.receive_json()
        assert post(port, "/messages", {"user": "bob", "text": "Hi!"}).json() == message(2, "bob", "Hi!")
        assert messages(port) == {"messages": [message(1, "ann", "Hello"), message(2, "bob", "Hi!")]}

    def test_a_posted_message_goes_to_every_socket(self, port):
        sockets = [connect(port) for _ in range(3)]
        post(port, "/messages", {"user": "ann", "text": "Hello"})
        post(port, "/messages", {"user": "bob", "text": "Hi!"})
        assert [[socket.receive_json(), socket.receive_json()] for socket in sockets] == [
            [message(1, "ann", "Hello"), message(2, "bob", "Hi!")],
        ] * 3

    def test_a_message_from_a_socket_wakes_a_waiting_get(self, port):
        ann = connect(port)
        waiting = Request(port, "GET", "/messages?wait=30", timeout=8)
        time.sleep(0.3)
        ann.send_json({"user": "ann", "text": "Hello"})
        assert waiting.response().json() == {"messages": [message(1, "ann", "Hello")]}

    def test_an_invalid_message_gets_an_error_to_its_sender_only(self, port):
        ann, bob = connect(port), connect(port)
        for invalid in ["not json", json.dumps({"user": "ann"}), json.dumps({"user": "ann", "text": ""}), "[]"]:
            ann.send(invalid)
            answer = ann.receive_json()
            assert isinstance(answer, dict) and list(answer) == ["error"] and isinstance(answer["error"], str), (
                f'the answer to {invalid!r} should be {{"error": "<message>"}}, not {answer!r}'
            )
        ann.send_json({"user": "ann", "text": "Hello"})
        assert ann.receive_json() == message(1, "ann", "Hello")
        assert bob.receive_json() == message(1, "ann", "Hello"), "the other sockets should not get the errors"
        assert messages(port) == {"messages": [message(1, "ann", "Hello")]}

    @pytest.mark.help("A socket that has closed must leave the room: writing to it raises WebSocketClosedError.")
    def test_a_closed_socket_is_left_out(self, port):
        ann, bob = connect(port), connect(port)
        assert post(port, "/messages", {"user": "cyd", "text": "Hello"}).status == 201
        assert [ann.receive_json(), bob.receive_json()] == [message(1, "cyd", "Hello")] * 2
        bob.close()
        response = post(port, "/messages", {"user": "cyd", "text": "Still there?"})
        assert response.status == 201, "posting failed once a socket had closed: is the closed socket still sent messages?"
        assert ann.receive_json() == message(2, "cyd", "Still there?")
        ann.send_json({"user": "ann", "text": "Yes!"})
        assert ann.receive_json() == message(3, "ann", "Yes!")

    @pytest.mark.hidden
    def test_a_socket_from_another_site_is_refused(self, port):
        """A page on any other site could open a socket to the chat from its visitors' browsers: who may connect?"""
        refused = WebSocket(port, origin="http://evil.example")
        assert refused.status == 403
        same_site = connect(port, origin=f"http://127.0.0.1:{port}")
        same_site.send_json({"user": "ann", "text": "Hello"})
        assert same_site.receive_json() == message(1, "ann", "Hello")


def test_each_application_has_its_own_messages():
    with Server(apps=2) as server:
        first, second = server.ports
        post(first, "/messages", {"user": "ann", "text": "Hello"})
        listener = connect(second)
        post(second, "/messages", {"user": "bob", "text": "Hi!"})
        assert listener.receive_json() == message(1, "bob", "Hi!")
        assert messages(first) == {"messages": [message(1, "ann", "Hello")]}
        assert messages(second) == {"messages": [message(1, "bob", "Hi!")]}
