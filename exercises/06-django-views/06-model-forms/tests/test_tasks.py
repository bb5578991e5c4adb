from datetime import date

import pytest
from freezegun import freeze_time

from tasks.forms import TaskForm
from tasks.models import Task

pytestmark = pytest.mark.django_db

TODAY = "2025-03-10 12:00:00"  # a Monday; every test runs on this day
PAST = "The due date cannot be in the past."


@pytest.fixture
def today():
    """The clock at TODAY, where the learner's code reads it (freezegun acts in its process)."""
    with freeze_time(TODAY):
        yield


def make_task(**values):
    values.setdefault("title", "Buy milk")
    values.setdefault("priority", Task.Priority.NORMAL)
    return Task.objects.create(**values)


def form_data(**changes):
    data = {"title": "Write report", "description": "Q1 numbers", "due_date": "2025-03-14", "priority": "3"}
    data.update(changes)
    return data


def refused(response):
    """The form's errors, after checking that the page was shown again."""
    assert response.status_code == 200, f"expected the form again with its errors, got {response.status_code}"
    return {field: list(messages) for field, messages in response.context["form"].errors.items()}


def template_names(response):
    return [t.name for t in response.templates]


def test_the_form_has_just_the_fields_a_visitor_may_set():
    assert list(TaskForm().fields) == ["title", "description", "due_date", "priority"]


def test_new_shows_an_empty_task_form(client):
    response = client.get("/tasks/new/")
    assert response.status_code == 200
    form = response.context["form"]
    assert isinstance(form, TaskForm)
    assert form.instance.pk is None
    assert "tasks/task_form.html" in template_names(response)


@pytest.mark.usefixtures("today")
def test_creating_a_task_redirects_to_its_page(client):
    response = client.post("/tasks/new/", form_data())
    task = Task.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/tasks/{task.pk}/"
    assert (task.title, task.description, task.due_date, task.priority, task.done) == (
        "Write report", "Q1 numbers", date(2025, 3, 14), Task.Priority.HIGH.value, False
    )


@pytest.mark.usefixtures("today")
def test_creating_a_task_with_only_the_required_fields(client):
    response = client.post("/tasks/new/", {"title": "Call Ada", "priority": "1"})
    assert response.status_code == 302
    task = Task.objects.get()
    assert (task.title, task.description, task.due_date, task.priority) == ("Call Ada", "", None, Task.Priority.LOW.value)


def test_a_task_needs_a_title_and_a_priority(client):
    errors = refused(client.post("/tasks/new/", {"title": "", "priority": "9"}))
    assert sorted(errors) == ["priority", "title"]
    assert Task.objects.count() == 0


@pytest.mark.usefixtures("today")
def test_a_new_task_cannot_be_due_in_the_past(client):
    errors = refused(client.post("/tasks/new/", form_data(due_date="2025-03-09")))
    assert errors == {"due_date": [PAST]}
    assert Task.objects.count() == 0


@pytest.mark.usefixtures("today")
def test_a_new_task_can_be_due_today(client):
    assert client.post("/tasks/new/", form_data(due_date="2025-03-10")).status_code == 302
    assert Task.objects.get().due_date == date(2025, 3, 10)


@pytest.mark.hidden
@pytest.mark.usefixtures("today")
def test_done_cannot_be_set_through_the_form(client):
    """The form must only take title, description, due_date and priority: posting done=on must not mark a task done."""
    client.post("/tasks/new/", form_data(done="on"))
    assert Task.objects.get().done is False


def test_edit_shows_the_form_filled_in_with_the_task(client):
    task = make_task(description="Semi-skimmed")
    response = client.get(f"/tasks/{task.pk}/edit/")
    assert response.status_code == 200
    form = response.context["form"]
    assert isinstance(form, TaskForm)
    assert form.instance == task
    assert (form["title"].value(), form["description"].value()) == ("Buy milk", "Semi-skimmed")
    assert 'value="Buy milk"' in response.content.decode()


@pytest.mark.usefixtures("today")
def test_editing_saves_the_changes_to_the_same_task(client):
    task = make_task()
    response = client.post(f"/tasks/{task.pk}/edit/", form_data(title="Buy oat milk", due_date="2025-03-11"))
    assert response.status_code == 302
    assert response["Location"] == f"/tasks/{task.pk}/"
    assert Task.objects.count() == 1
    task.refresh_from_db()
    assert (task.title, task.due_date, task.priority) == ("Buy oat milk", date(2025, 3, 11), Task.Priority.HIGH.value)


@pytest.mark.usefixtures("today")
def test_editing_keeps_what_the_form_does_not_show(client):
    task = make_task(done=True)
    created_at = task.created_at
    client.post(f"/tasks/{task.pk}/edit/", form_data())
    task.refresh_from_db()
    assert (task.title, task.done, task.created_at) == ("Write report", True, created_at)


@pytest.mark.usefixtures("today")
def test_an_invalid_edit_changes_nothing(client):
    task = make_task()
    errors = refused(client.post(f"/tasks/{task.pk}/edit/", form_data(title="")))
    assert list(errors) == ["title"]
    task.refresh_from_db()
    assert task.title == "Buy milk"


@pytest.mark.usefixtures("today")
def test_editing_an_unknown_task_is_404(client):
    make_task()
    assert client.get("/tasks/999/edit/").status_code == 404
    assert client.post("/tasks/999/edit/", form_data()).status_code == 404
    assert Task.objects.count() == 1


@pytest.mark.usefixtures("today")
def test_an_overdue_task_can_be_edited_without_changing_its_date(client):
    task = make_task(due_date=date(2025, 3, 1))
    response = client.post(f"/tasks/{task.pk}/edit/", form_data(title="Buy milk today", due_date="2025-03-01"))
    assert response.status_code == 302
    task.refresh_from_db()
    assert (task.title, task.due_date) == ("Buy milk today", date(2025, 3, 1))


@pytest.mark.usefixtures("today")
def test_a_due_date_cannot_be_moved_into_the_past(client):
    task = make_task(due_date=date(2025, 3, 20))
    errors = refused(client.post(f"/tasks/{task.pk}/edit/", form_data(due_date="2025-03-05")))
    assert errors == {"due_date": [PAST]}
    overdue = make_task(title="Overdue", due_date=date(2025, 3, 1))
    errors = refused(client.post(f"/tasks/{overdue.pk}/edit/", form_data(due_date="2025-02-28")))
    assert errors == {"due_date": [PAST]}
