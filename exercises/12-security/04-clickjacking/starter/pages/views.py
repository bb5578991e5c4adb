from django.shortcuts import render


def home(request):
    return render(request, "pages/home.html")


def account(request):
    """GET: the account page. POST: ask for the account to be deleted."""
    deleted = request.method == "POST" and request.POST.get("action") == "delete"
    return render(request, "pages/account.html", {"deleted": deleted})


def dashboard(request):
    """Shows the exchange-rate widget in an <iframe>."""
    return render(request, "pages/dashboard.html")


def widget(request):
    """The exchange-rate widget: it is made to be shown inside our own pages."""
    return render(request, "pages/widget.html")
