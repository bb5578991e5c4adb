from django.http import HttpResponse


def home(request):
    return HttpResponse("Welcome to the shop", content_type="text/plain")


def health(request):
    """For the container's health check: 200 while the app can serve."""
    return HttpResponse("ok", content_type="text/plain")
