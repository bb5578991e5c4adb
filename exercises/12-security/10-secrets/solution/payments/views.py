import logging

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET, require_POST

from payments import gateway

logger = logging.getLogger(__name__)


@require_POST
def pay(request):
    """POST amount (in cents), card (a card token) -> {"status": "paid", "charge": id}."""
    try:
        amount = int(request.POST.get("amount", ""))
    except ValueError:
        return JsonResponse({"error": "amount must be a whole number of cents"}, status=400)
    if amount <= 0:
        return JsonResponse({"error": "amount must be positive"}, status=400)
    try:
        charge_id = gateway.charge(amount, request.POST.get("card", ""))
    except gateway.PaymentError as exc:
        logger.error("Payment of %s cents failed: %s", amount, exc)
        return JsonResponse({"error": f"payment failed: {exc}"}, status=502)
    return JsonResponse({"status": "paid", "charge": charge_id})


@require_GET
def status(request):
    """For the admins: how payments are set up."""
    return JsonResponse({
        "provider": settings.PAYMENTS_API_URL,
        "configured": bool(settings.PAYMENTS_API_KEY),
        # Enough to tell which key is set up, never the key itself.
        "api_key": gateway.mask_secret(settings.PAYMENTS_API_KEY),
    })
