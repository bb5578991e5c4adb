"""The shop's two pages (you don't need to change them). /whoami/ answers
with what Django saw of the request: try it through nginx."""
import hashlib
import os

from django.http import HttpResponse, JsonResponse


def home(request):
    return HttpResponse("Welcome to the shop\n", content_type="text/plain")


def whoami(request):
    nonce = request.GET.get("nonce", "")
    # The tests start gunicorn with SHOP_PROOF set to a value they choose
    # each run: this digest shows them that the answer came from this
    # Django, not from a reply written into nginx.conf.
    proof = hashlib.sha256(f"{os.environ.get('SHOP_PROOF', '')}:{nonce}".encode()).hexdigest()
    return JsonResponse(
        {
            "secure": request.is_secure(),
            "scheme": request.scheme,
            "host": request.get_host(),
            "url": request.build_absolute_uri(),
            "remote_addr": request.META.get("REMOTE_ADDR"),
            "forwarded_for": request.META.get("HTTP_X_FORWARDED_FOR"),
            "proof": proof,
        }
    )
