import time

from django.http import HttpResponse, JsonResponse


def hello(request):
    return HttpResponse("hello")


def whoami(request):
    """The id the middleware gave this request (None if it gave none)."""
    return JsonResponse({"request_id": getattr(request, "request_id", None)})


def slow(request):
    time.sleep(0.05)
    return HttpResponse("done, slowly")
