from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tasks.models import Task


class TaskForm(forms.ModelForm):
    """The form to create and edit a task (see README.md)."""

    class Meta:
        model = Task
        fields = ["title"]
