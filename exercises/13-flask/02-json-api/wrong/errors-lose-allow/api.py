from flask import Flask, abort, jsonify, request, url_for
from werkzeug.exceptions import HTTPException

from tasks import store

app = Flask(__name__)

FIELDS = ("title", "done", "priority")


class ValidationError(Exception):
    """Fields of a request body that are wrong: field name -> message."""

    def __init__(self, fields):
        super().__init__("invalid fields")
        self.fields = fields


def error_body(status, name, message, **extra):
    return {"status": status, "error": name, "message": message, **extra}


@app.errorhandler(HTTPException)
def http_error(error):
    return jsonify(error_body(error.code, error.name, error.description)), error.code


@app.errorhandler(ValidationError)
def invalid_fields(error):
    body = error_body(400, "Bad Request", "Some fields are not valid.", fields=error.fields)
    return jsonify(body), 400


def json_object():
    """The request's body, which must be a JSON object."""
    # get_json() itself answers 415 when the body is not sent as JSON, and
    # 400 when it does not parse.
    data = request.get_json()
    if not isinstance(data, dict):
        abort(400, description="The body must be a JSON object.")
    return data


def checked(data, partial):
    """The fields of data, checked; ValidationError naming every bad one."""
    problems = {}
    for name in data:
        if name not in FIELDS:
            problems[name] = "unknown field"
    if "title" in data:
        title = data["title"]
        if not isinstance(title, str) or not title.strip():
            problems["title"] = "must be a string that is not blank"
        elif len(title.strip()) > 80:
            problems["title"] = "must be at most 80 characters"
    elif not partial:
        problems["title"] = "required"
    if "done" in data and not isinstance(data["done"], bool):
        problems["done"] = "must be true or false"
    if "priority" in data:
        priority = data["priority"]
        # bool is a subclass of int: type() keeps true out.
        if type(priority) is not int or not 1 <= priority <= 3:
            problems["priority"] = "must be 1, 2 or 3"
    if problems:
        raise ValidationError(problems)
    fields = {name: data[name] for name in FIELDS if name in data}
    if "title" in fields:
        fields["title"] = fields["title"].strip()
    return fields


def find(task_id):
    task = store.get(task_id)
    if task is None:
        abort(404, description=f"There is no task {task_id}.")
    return task


@app.get("/api/tasks")
def list_tasks():
    done = request.args.get("done")
    found = store.all()
    if done is not None:
        if done not in ("true", "false"):
            abort(400, description="done must be true or false.")
        found = [task for task in found if task["done"] == (done == "true")]
    return {"tasks": found}


@app.post("/api/tasks")
def create_task():
    task = store.add(**checked(json_object(), partial=False))
    return task, 201, {"Location": url_for("get_task", task_id=task["id"])}


@app.get("/api/tasks/<int:task_id>")
def get_task(task_id):
    return find(task_id)


@app.patch("/api/tasks/<int:task_id>")
def update_task(task_id):
    find(task_id)
    return store.update(task_id, **checked(json_object(), partial=True))


@app.delete("/api/tasks/<int:task_id>")
def delete_task(task_id):
    find(task_id)
    store.delete(task_id)
    return "", 204
