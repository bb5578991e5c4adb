import re

from django.http import Http404, HttpResponse, JsonResponse
from django.views.decorators.csrf import csrf_exempt

VISITS = 0
FILES = {}


@csrf_exempt
def cart(request):
    """GET: the visitor's cart. POST item=NAME: add NAME to it."""
    items = request.session.get("cart", [])
    if request.method == "POST":
        items = items + [request.POST["item"]]
        request.session["cart"] = items
    return JsonResponse({"cart": items})


@csrf_exempt
def visits(request):
    """GET: the number of visits. POST: one more visit, and the new number."""
    global VISITS
    if request.method == "POST":
        VISITS += 1
    return JsonResponse({"visits": VISITS})


@csrf_exempt
def files(request, name):
    """POST: store the request's body as the file NAME (replacing one of
    that name). GET: the file."""
    if not re.fullmatch(r"[A-Za-z0-9_-]+(\.[A-Za-z0-9]+)?", name):
        raise Http404("no such file")
    if request.method == "POST":
        FILES[name] = request.body
        return JsonResponse({"stored": name, "size": len(request.body)}, status=201)
    if name not in FILES:
        raise Http404("no such file")
    return HttpResponse(FILES[name], content_type="application/octet-stream")
