from django.conf import settings
from django.http import HttpResponse, JsonResponse

from shop.models import Product


def greeting(request):
    return HttpResponse(settings.GREETING)


def products(request):
    return JsonResponse({"names": sorted(Product.objects.values_list("name", flat=True))})


def whoami(request):
    return HttpResponse(request.user.get_username() if request.user.is_authenticated else "anonymous")
