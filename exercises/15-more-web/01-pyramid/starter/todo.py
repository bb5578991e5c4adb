from pyramid.config import Configurator
from pyramid.httpexceptions import HTTPNotFound
from pyramid.view import view_config


@view_config(route_name="tasks", request_method="GET", renderer="json")
def list_tasks(request):
    raise HTTPNotFound("not written yet")


def make_app(tasks=()):
    """A new Pyramid application serving /tasks, its store starting with
    `tasks` (dicts with a title and maybe done), numbered 1, 2, 3 ..."""
    with Configurator() as config:
        config.add_route("tasks", "/tasks")
        config.scan()
        return config.make_wsgi_app()
