# The task page (ready): /tasks/<pk>/
from django.shortcuts import get_object_or_404, render

from tasks.models import Task


def task_detail(request, pk):
    return render(request, "tasks/task_detail.html", {"task": get_object_or_404(Task, pk=pk)})
