from django.contrib import messages
from django.contrib.auth import login, logout
from django.contrib.auth.forms import AuthenticationForm
from django.contrib.auth.models import User
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


def home(request):
    """The home page: greets the user by name, or as a guest. (Done.)"""
    return render(request, "accounts/home.html")


def login_view(request):
    """GET: show the login form. POST: log the user in and go home, or show
    the form again with an error."""
    form = AuthenticationForm(request)
    if request.method == "POST":
        # Finds the user but never checks the password (or is_active).
        user = User.objects.filter(username=request.POST.get("username")).first()
        if user is not None:
            login(request, user)
            return redirect("home")
        form = AuthenticationForm(request, data=request.POST)
        form.is_valid()
    return render(request, "accounts/login.html", {"form": form})


@require_POST
def logout_view(request):
    """POST only: log the user out and go home with a message."""
    logout(request)
    messages.success(request, "You have been logged out.")
    return redirect("home")
