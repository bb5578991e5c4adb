from urllib.parse import urlsplit

import pytest
from rest_framework.test import APIClient

from tasks.models import Task

pytestmark = pytest.mark.django_db


def api():
    return APIClient()


def some_tasks():
    return [
        Task.objects.create(title="Write the report"),
        Task.objects.create(title="Water the plants", done=True),
        Task.objects.create(title="Call the bank"),
    ]


def test_the_list_is_empty_at_first():
    response = api().get("/tasks/")
    assert response.status_code == 200
    assert response.json() == []
    Task.objects.create(title="Write the report")
    assert [task["title"] for task in api().get("/tasks/").json()] == ["Write the report"]


def test_the_list_shows_every_task_in_the_order_they_were_made():
    report, plants, bank = some_tasks()
    response = api().get("/tasks/")
    assert response.status_code == 200
    assert response.json() == [
        {"id": report.pk, "title": "Write the report", "done": False},
        {"id": plants.pk, "title": "Water the plants", "done": True},
        {"id": bank.pk, "title": "Call the bank", "done": False},
    ]


def test_posting_creates_a_task_with_201():
    response = api().post("/tasks/", {"title": "Buy milk", "done": True}, format="json")
    assert response.status_code == 201
    task = Task.objects.get()
    assert (task.title, task.done) == ("Buy milk", True)
    assert response.json() == {"id": task.pk, "title": "Buy milk", "done": True}


def test_a_created_task_says_where_it_lives():
    response = api().post("/tasks/", {"title": "Buy milk"}, format="json")
    task = Task.objects.get()
    assert urlsplit(response.get("Location", "")).path == f"/tasks/{task.pk}/"
    assert api().get(f"/tasks/{task.pk}/").status_code == 200


def test_a_new_task_is_not_done_unless_said_so():
    response = api().post("/tasks/", {"title": "Buy milk"}, format="json")
    assert response.status_code == 201
    assert response.json()["done"] is False


def test_invalid_data_gives_400_with_the_errors_and_creates_nothing():
    for data in [{"title": ""}, {}, {"title": "x" * 201}]:
        response = api().post("/tasks/", data, format="json")
        assert (data, response.status_code) == (data, 400)
        assert list(response.json()) == ["title"]
    assert Task.objects.count() == 0


def test_one_task_can_be_fetched():
    plants = some_tasks()[1]
    response = api().get(f"/tasks/{plants.pk}/")
    assert response.status_code == 200
    assert response.json() == {"id": plants.pk, "title": "Water the plants", "done": True}


def test_a_missing_task_is_404_for_every_method():
    some_tasks()
    client = api()
    statuses = {
        "GET": client.get("/tasks/999/").status_code,
        "PUT": client.put("/tasks/999/", {"title": "x", "done": True}, format="json").status_code,
        "PATCH": client.patch("/tasks/999/", {"done": True}, format="json").status_code,
        "DELETE": client.delete("/tasks/999/").status_code,
    }
    assert statuses == {"GET": 404, "PUT": 404, "PATCH": 404, "DELETE": 404}
    assert Task.objects.count() == 3


def test_put_replaces_a_task():
    report = some_tasks()[0]
    response = api().put(f"/tasks/{report.pk}/", {"title": "Send the report", "done": True}, format="json")
    assert response.status_code == 200
    assert response.json() == {"id": report.pk, "title": "Send the report", "done": True}
    report.refresh_from_db()
    assert (report.title, report.done) == ("Send the report", True)


def test_put_needs_every_required_field():
    report = some_tasks()[0]
    response = api().put(f"/tasks/{report.pk}/", {"done": True}, format="json")
    assert response.status_code == 400
    assert list(response.json()) == ["title"]
    report.refresh_from_db()
    assert report.done is False


@pytest.mark.hidden
def test_patch_changes_only_what_is_sent():
    """PATCH is a partial update: {"done": true} alone must be accepted, and the title kept."""
    report = some_tasks()[0]
    response = api().patch(f"/tasks/{report.pk}/", {"done": True}, format="json")
    assert response.status_code == 200
    assert response.json() == {"id": report.pk, "title": "Write the report", "done": True}
    report.refresh_from_db()
    assert (report.title, report.done) == ("Write the report", True)


def test_a_bad_patch_is_400_and_changes_nothing():
    report = some_tasks()[0]
    response = api().patch(f"/tasks/{report.pk}/", {"title": "", "done": True}, format="json")
    assert response.status_code == 400
    report.refresh_from_db()
    assert (report.title, report.done) == ("Write the report", False)


def test_delete_removes_the_task_with_204_and_no_body():
    report, plants, bank = some_tasks()
    response = api().delete(f"/tasks/{plants.pk}/")
    assert response.status_code == 204
    assert response.content == b""
    assert list(Task.objects.order_by("id").values_list("title", flat=True)) == ["Write the report", "Call the bank"]


def test_other_methods_are_not_allowed():
    report = some_tasks()[0]
    client = api()
    assert client.get(f"/tasks/{report.pk}/").json()["title"] == "Write the report"
    assert client.delete("/tasks/").status_code == 405
    assert client.put("/tasks/", [], format="json").status_code == 405
    assert client.post(f"/tasks/{report.pk}/", {"title": "x"}, format="json").status_code == 405
    assert Task.objects.count() == 3
