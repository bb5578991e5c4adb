# project/urls.py routes /tasks/new/ to create_task and /tasks/<pk>/edit/
# to edit_task. Write them as functions, or as class-based views with
# create_task = TaskCreateView.as_view() (and the same for edit_task).
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.generic import CreateView, UpdateView

from tasks.forms import TaskForm
from tasks.models import Task


def create_task(request):
    """GET: an empty form. POST: create the task and redirect to its page."""
    form = TaskForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        task = form.save()
        return redirect(task)
    return render(request, "tasks/task_form.html", {"form": form})


def edit_task(request, pk):
    """GET: the form filled in with the task. POST: save the changes and redirect to its page."""
    task = get_object_or_404(Task, pk=pk)
    if request.method == "POST":
        form = TaskForm(request.POST)
        if form.is_valid():
            task = form.save()
            return redirect(task)
    else:
        form = TaskForm(instance=task)
    return render(request, "tasks/task_form.html", {"form": form})
