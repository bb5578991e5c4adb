from django.contrib import messages
from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


def home(request):
    """The home page: greets the user by name, or as a guest. (Done.)"""
    return render(request, "accounts/home.html")


def login_view(request):
    """GET: show the login form. POST: log the user in and go home, or show
    the form again with an error."""
    return render(request, "accounts/login.html")


def logout_view(request):
    """POST only: log the user out and go home with a message."""
    return redirect("/")
