from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone

from tasks.models import Task


class TaskForm(forms.ModelForm):
    """The form to create and edit a task (see README.md)."""

    class Meta:
        model = Task
        # Only what the visitor may set: never "__all__".
        fields = ["title", "description", "due_date", "priority"]

    def clean_due_date(self):
        due_date = self.cleaned_data["due_date"]
        if due_date and due_date < timezone.localdate():
            raise ValidationError("The due date cannot be in the past.")
        return due_date
