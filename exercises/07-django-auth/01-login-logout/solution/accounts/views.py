from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


def home(request):
    """The home page: greets the user by name, or as a guest. (Done.)"""
    return render(request, "accounts/home.html")


def login_view(request):
    """GET: show the login form. POST: log the user in and go home, or show
    the form again with an error."""
    if request.method == "POST":
        form = AuthenticationForm(request, data=request.POST)
        if form.is_valid():
            # form.get_user() was checked by authenticate(): right password,
            # active account.
            login(request, form.get_user())
            return redirect("home")
    else:
        form = AuthenticationForm(request)
    return render(request, "accounts/login.html", {"form": form})


@require_POST
def logout_view(request):
    """POST only: log the user out and go home with a message."""
    logout(request)
    messages.success(request, "You have been logged out.")
    return redirect("home")
