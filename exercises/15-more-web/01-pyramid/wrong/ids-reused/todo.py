from pyramid.config import Configurator
from pyramid.httpexceptions import (
    HTTPBadRequest,
    HTTPError,
    HTTPMethodNotAllowed,
    HTTPNoContent,
    HTTPNotFound,
)
from pyramid.view import exception_view_config, view_config


class Store:
    """The tasks of one application, by id."""

    def __init__(self, tasks):
        self.tasks = {}
        self.last_id = 0
        for task in tasks:
            self.add(task["title"], task.get("done", False))

    def add(self, title, done):
        self.last_id = len(self.tasks) + 1
        task = {"id": self.last_id, "title": title, "done": done}
        self.tasks[self.last_id] = task
        return task


def store(request):
    return request.registry["todo.store"]


def find(request):
    task = store(request).tasks.get(int(request.matchdict["id"]))
    if task is None:
        raise HTTPNotFound(f"no task {request.matchdict['id']}")
    return task


def json_object(request):
    try:
        data = request.json_body
    except ValueError:
        raise HTTPBadRequest("the body is not JSON")
    if not isinstance(data, dict):
        raise HTTPBadRequest("the body must be a JSON object")
    return data


def checked(data, partial):
    """The title and done of data, checked; raises 400 for a bad one."""
    fields = {}
    if "title" in data or not partial:
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            raise HTTPBadRequest("title must be a string that is not blank")
        fields["title"] = title.strip()
    if "done" in data:
        if not isinstance(data["done"], bool):
            raise HTTPBadRequest("done must be true or false")
        fields["done"] = data["done"]
    return fields


@view_config(route_name="tasks", request_method="GET", renderer="json")
def list_tasks(request):
    tasks = list(store(request).tasks.values())
    done = request.params.get("done")
    if done is not None:
        if done not in ("true", "false"):
            raise HTTPBadRequest("done must be true or false")
        tasks = [task for task in tasks if task["done"] == (done == "true")]
    return {"tasks": tasks}


@view_config(route_name="tasks", request_method="POST", renderer="json")
def create_task(request):
    fields = checked(json_object(request), partial=False)
    task = store(request).add(fields["title"], fields.get("done", False))
    request.response.status = 201
    request.response.location = request.route_url("task", id=task["id"])
    return task


@view_config(route_name="task", request_method="GET", renderer="json")
def show_task(request):
    return find(request)


@view_config(route_name="task", request_method="PATCH", renderer="json")
def update_task(request):
    task = find(request)
    task.update(checked(json_object(request), partial=True))
    return task


@view_config(route_name="task", request_method="DELETE")
def delete_task(request):
    task = find(request)
    del store(request).tasks[task["id"]]
    return HTTPNoContent()


@view_config(route_name="tasks")
def tasks_other_methods(request):
    raise HTTPMethodNotAllowed(headers={"Allow": "GET, POST"})


@view_config(route_name="task")
def task_other_methods(request):
    raise HTTPMethodNotAllowed(headers={"Allow": "GET, PATCH, DELETE"})


@exception_view_config(HTTPError, renderer="json")
def http_error(exc, request):
    request.response.status = exc.status
    if "Allow" in exc.headers:
        request.response.headers["Allow"] = exc.headers["Allow"]
    return {"error": exc.detail or exc.title}


def make_app(tasks=()):
    """A new Pyramid application serving /tasks, its store starting with
    `tasks` (dicts with a title and maybe done), numbered 1, 2, 3 ..."""
    with Configurator() as config:
        config.registry["todo.store"] = Store(tasks)
        config.add_route("tasks", "/tasks")
        config.add_route("task", r"/tasks/{id:\d+}")
        config.scan()
        return config.make_wsgi_app()
