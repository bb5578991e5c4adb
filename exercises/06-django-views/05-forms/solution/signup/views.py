from django.contrib.auth.models import User
from django.shortcuts import redirect, render

from signup.forms import RegistrationForm


def register(request):
    """GET: an empty sign-up form. POST: check it; create the user or show the errors."""
    if request.method == "POST":
        form = RegistrationForm(request.POST)
        if form.is_valid():
            data = form.cleaned_data
            User.objects.create_user(username=data["username"], email=data["email"], password=data["password"])
            # Redirect after a successful POST, so reloading the page
            # does not send the form again.
            return redirect("welcome")
    else:
        form = RegistrationForm()
    return render(request, "signup/register.html", {"form": form})


def welcome(request):
    return render(request, "signup/welcome.html")
