import json
import re
from http import HTTPStatus
from urllib.parse import parse_qs

ITEM = re.compile(r"/books/([0-9]+)")
FIELDS = ("title", "author", "year")


class HTTPError(Exception):
    def __init__(self, status, message, **extra):
        super().__init__(message)
        self.status = status
        self.body = {"error": message, **extra}


def check_fields(data, partial):
    """The valid fields of `data`; HTTPError 400 naming every invalid one."""
    problems = {}
    for name in ("title", "author"):
        if name not in data:
            if not partial:
                problems[name] = "required"
        elif not isinstance(data[name], str) or not data[name].strip():
            problems[name] = "must be a non-empty string"
    if "year" not in data:
        if not partial:
            problems["year"] = "required"
    elif type(data["year"]) is not int or not 1 <= data["year"] <= 2100:
        problems["year"] = "must be a whole number from 1 to 2100"
    if problems:
        raise HTTPError(400, "validation failed", fields=problems)
    return {name: data[name] for name in FIELDS if name in data}


def read_json(environ):
    content_type = environ.get("CONTENT_TYPE", "").split(";")[0].strip().lower()
    if content_type != "application/json":
        raise HTTPError(415, "the body must be sent as application/json")
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    try:
        data = json.loads(raw.decode("utf-8"))
    except ValueError:  # includes UnicodeDecodeError
        raise HTTPError(400, "the body is not valid JSON")
    if not isinstance(data, dict):
        raise HTTPError(400, "the body must be a JSON object")
    return data


def year_param(query, name):
    value = query.get(name, [""])[0]
    if value == "":
        return None
    try:
        return int(value)
    except ValueError:
        raise HTTPError(400, "invalid query parameter", fields={name: "must be a whole number"})


class BookAPI:
    def __init__(self, books):
        self.books = {}
        for number, book in enumerate(books, start=1):
            self.books[number] = {"id": number, **{name: book[name] for name in FIELDS}}
        self.next_id = len(self.books) + 1

    def __call__(self, environ, start_response):
        headers = []
        try:
            status, data, headers = self.route(environ)
        except HTTPError as error:
            status, data = error.status, error.body
            if status == 405:
                headers = [("Allow", error.body.pop("allow"))]
        if status == 204:
            body = b""
        else:
            body = json.dumps(data).encode("utf-8")
            headers = [("Content-Type", "application/json"), ("Content-Length", str(len(body)))] + headers
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    def route(self, environ):
        path = environ.get("PATH_INFO", "")
        method = environ["REQUEST_METHOD"]
        if path == "/books":
            handlers, args = {"GET": self.list, "POST": self.create}, ()
        else:
            match = ITEM.fullmatch(path)
            if match is None:
                raise HTTPError(404, "not found")
            handlers = {"GET": self.retrieve, "PATCH": self.update, "DELETE": self.delete}
            args = (int(match.group(1)),)
        if method not in handlers:
            raise HTTPError(405, "method not allowed", allow=", ".join(handlers))
        if args and args[0] not in self.books:
            raise HTTPError(404, "no book with this id")
        return handlers[method](environ, *args)

    def list(self, environ):
        query = parse_qs(environ.get("QUERY_STRING", ""))
        author = query.get("author", [""])[0].lower()
        words = query.get("q", [""])[0].lower()
        low, high = year_param(query, "min_year"), year_param(query, "max_year")
        items = []
        for number in sorted(self.books):
            book = self.books[number]
            if author and book["author"].lower() != author:
                continue
            if words and words not in book["title"].lower():
                continue
            if low is not None and book["year"] < low:
                continue
            if high is not None and book["year"] > high:
                continue
            items.append(book)
        return 200, {"count": len(items), "items": items}, []

    def create(self, environ):
        book = {"id": self.next_id, **check_fields(read_json(environ), partial=False)}
        self.books[book["id"]] = book
        self.next_id += 1
        return 201, book, [("Location", f"/books/{book['id']}")]

    def retrieve(self, environ, number):
        return 200, self.books[number], []

    def update(self, environ, number):
        self.books[number].update(check_fields(read_json(environ), partial=True))
        return 200, self.books[number], []

    def delete(self, environ, number):
        del self.books[number]
        return 204, None, []


def make_app(books=()):
    """A new WSGI application serving /books.

    `books` is a list of dicts with title, author and year; they are stored
    with the ids 1, 2, 3 ... in that order.
    """
    return BookAPI(books)
