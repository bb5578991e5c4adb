from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse


def order(request, number):
    if number != 1:
        raise Http404(f"No row {number} in table shop_order_archive")
    return JsonResponse({"id": 1, "total": "24.90"})


def reports(request):
    raise PermissionDenied("Only staff may read reports (token 5f1e-internal)")


def crash(request):
    raise RuntimeError("could not connect to postgres://admin:hunter2@db.internal/shop")


def divide(request):
    a = int(request.GET.get("a", 1))
    b = int(request.GET.get("b", 0))
    return JsonResponse({"result": a / b})
