from django import forms
from django.contrib.auth.models import User
from django.core.exceptions import ValidationError

RESERVED = {"admin", "root", "support"}


class RegistrationForm(forms.Form):
    """The sign-up form: its fields and rules are described in README.md."""

    username = forms.CharField(max_length=30)
    email = forms.EmailField()
    password = forms.CharField(widget=forms.PasswordInput, min_length=8)
    password_confirm = forms.CharField(widget=forms.PasswordInput)

    def clean_username(self):
        # CharField has already stripped the spaces around it.
        username = self.cleaned_data["username"].lower()
        if username in RESERVED:
            raise ValidationError("This username is reserved.")
        if User.objects.filter(username__iexact=username).exists():
            raise ValidationError("This username is taken.")
        return username

    def clean_email(self):
        return self.cleaned_data["email"].lower()

    def clean(self):
        cleaned = super().clean()
        # A field that failed its own checks is missing from cleaned_data.
        username = cleaned.get("username")
        password = cleaned.get("password")
        confirm = cleaned.get("password_confirm")
        if password and confirm and password != confirm:
            self.add_error("password_confirm", "The two passwords do not match.")
        if username and password and username in password.lower():
            raise ValidationError("The password must not contain the username.")
        return cleaned
