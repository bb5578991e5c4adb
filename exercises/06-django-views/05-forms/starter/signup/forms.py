from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

RESERVED = {"admin", "root", "support"}


class RegistrationForm(forms.Form):
    """The sign-up form: its fields and rules are described in README.md."""

    username = forms.CharField(max_length=30)
