from functools import wraps

from django.shortcuts import render

# Mistake: the headers are added view by view, so any response that does not
# come from these views (a 404 page, a view added later) can still be framed.


def no_framing(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Frame-Options"] = "DENY"
        response["Content-Security-Policy"] = "frame-ancestors 'none'"
        return response
    return wrapper


def same_origin_framing(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Frame-Options"] = "SAMEORIGIN"
        response["Content-Security-Policy"] = "frame-ancestors 'self'"
        return response
    return wrapper


@no_framing
def home(request):
    return render(request, "pages/home.html")


@no_framing
def account(request):
    """GET: the account page. POST: ask for the account to be deleted."""
    deleted = request.method == "POST" and request.POST.get("action") == "delete"
    return render(request, "pages/account.html", {"deleted": deleted})


@no_framing
def dashboard(request):
    """Shows the exchange-rate widget in an <iframe>."""
    return render(request, "pages/dashboard.html")


@same_origin_framing
def widget(request):
    """The exchange-rate widget: it is made to be shown inside our own pages."""
    return render(request, "pages/widget.html")
