# project/urls.py routes /tasks/new/ to create_task and /tasks/<pk>/edit/
# to edit_task. Write them as functions, or as class-based views with
# create_task = TaskCreateView.as_view() (and the same for edit_task).
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import CreateView, UpdateView

from tasks.forms import TaskForm
from tasks.models import Task


class TaskCreateView(CreateView):
    """GET: an empty form. POST: create the task and redirect to its page."""

    model = Task
    form_class = TaskForm  # template tasks/task_form.html; success: task.get_absolute_url()


class TaskUpdateView(UpdateView):
    """GET: the form filled in with the task. POST: save the changes and redirect to its page."""

    model = Task
    form_class = TaskForm  # the form gets instance=the task, so saving updates that row


create_task = TaskCreateView.as_view()
edit_task = TaskUpdateView.as_view()
