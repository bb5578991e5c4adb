import json
import re
from http import HTTPStatus

ITEM = re.compile(r"/tasks/([0-9]+)")


class Invalid(Exception):
    """The request body is not an acceptable task."""


def read_json(environ):
    try:
        length = int(environ.get("CONTENT_LENGTH") or 0)
    except ValueError:
        length = 0
    raw = environ["wsgi.input"].read(length) if length > 0 else b""
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        raise Invalid("the body is not valid JSON")
    if not isinstance(data, dict):
        raise Invalid("the body must be a JSON object")
    return data


def validate(data, done_required):
    title = data.get("title")
    if not isinstance(title, str) or not title.strip():
        raise Invalid("title must be a non-empty string")
    if len(title) > 200:
        raise Invalid("title must be at most 200 characters")
    if "done" not in data and done_required:
        raise Invalid("done is required")
    done = data.get("done", False)
    if not isinstance(done, bool):
        raise Invalid("done must be true or false")
    return {"title": title, "done": done}


class TaskApp:
    def __init__(self):
        self.tasks = {}
        self.next_id = 1

    def __call__(self, environ, start_response):
        status, headers, body = self.handle(environ["REQUEST_METHOD"], environ.get("PATH_INFO", ""), environ)
        if body:
            headers = headers + [("Content-Length", str(len(body)))]
        start_response(f"{status} {HTTPStatus(status).phrase}", headers)
        return [body]

    def handle(self, method, path, environ):
        if path == "/tasks":
            handlers = {"GET": self.list, "POST": self.create}
            args = ()
        else:
            match = ITEM.fullmatch(path)
            if match is None:
                return text(404, "Not Found")
            handlers = {"GET": self.retrieve, "PUT": self.replace, "DELETE": self.delete}
            args = (int(match.group(1)),)
        handler = handlers.get(method)
        if handler is None:
            status, headers, body = text(405, "Method Not Allowed")
            return status, headers + [("Allow", ", ".join(handlers))], body
        if args and args[0] not in self.tasks:
            return text(404, "Not Found")
        try:
            return handler(environ, *args)
        except Invalid as error:
            return text(400, str(error))

    def list(self, environ):
        return as_json(200, [self.tasks[key] for key in sorted(self.tasks)])

    def create(self, environ):
        fields = validate(read_json(environ), done_required=False)
        task = {"id": self.next_id, **fields}
        self.tasks[task["id"]] = task
        self.next_id += 1
        status, headers, body = as_json(201, task)
        return status, headers + [("Location", f"/tasks/{task['id']}")], body

    def retrieve(self, environ, task_id):
        return as_json(200, self.tasks[task_id])

    def replace(self, environ, task_id):
        fields = validate(read_json(environ), done_required=True)
        self.tasks[task_id] = {"id": task_id, **fields}
        return as_json(200, self.tasks[task_id])

    def delete(self, environ, task_id):
        # Sends the deleted task back, with the status of an empty answer.
        task = self.tasks.pop(task_id)
        status, headers, body = as_json(204, task)
        return status, headers, body


def as_json(status, data):
    return status, [("Content-Type", "application/json")], json.dumps(data).encode("utf-8")


def text(status, message):
    return status, [("Content-Type", "text/plain; charset=utf-8")], message.encode("utf-8")


def make_app():
    """A new WSGI application serving /tasks, with no tasks yet.

    Every call gives an application with its own, empty, store.
    """
    return TaskApp()
