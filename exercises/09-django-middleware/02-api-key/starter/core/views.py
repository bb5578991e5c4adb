from django.http import HttpResponse, JsonResponse

# How many times each view ran (the tests look at it).
CALLS = {"orders": 0}


def orders(request):
    CALLS["orders"] += 1
    return JsonResponse({"orders": [{"id": 1, "total": "24.90"}]})


def api_root(request):
    return JsonResponse({"version": 1})


def health(request):
    return HttpResponse("ok")


def apiary(request):
    return HttpResponse("Bees live here.")


def docs(request):
    return HttpResponse("How to use the API.")
