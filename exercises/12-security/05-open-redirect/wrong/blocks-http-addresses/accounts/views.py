from django.contrib.auth import authenticate, login, logout
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST


def next_url(request):
    """Where to go after logging in or out: the "next" field of the form, or
    the ?next= of the address."""
    return request.POST.get("next") or request.GET.get("next") or ""


def safe_next_url(request):
    """next_url, but only if it stays on this site; otherwise the home page."""
    url = next_url(request)
    # Mistake: a blacklist of schemes. "//evil.example" has no scheme at all.
    if not url or url.lower().startswith(("http:", "https:", "javascript:", "ftp:")):
        return "/"
    return url


def home(request):
    return render(request, "accounts/page.html", {"title": "Welcome to the shop"})


@login_required
def orders(request):
    return render(request, "accounts/page.html", {"title": "Your orders"})


def login_view(request):
    """GET: the login form. POST (username, password, next): log in, then go
    to next (the page that sent the visitor here)."""
    error = None
    if request.method == "POST":
        user = authenticate(
            request,
            username=request.POST.get("username", ""),
            password=request.POST.get("password", ""),
        )
        if user is not None:
            login(request, user)
            return redirect(safe_next_url(request))
        error = "Wrong username or password."
    return render(request, "accounts/login.html", {"next": next_url(request), "error": error})


@require_POST
def logout_view(request):
    """POST (next): log out, then go to next."""
    logout(request)
    return redirect(safe_next_url(request))
