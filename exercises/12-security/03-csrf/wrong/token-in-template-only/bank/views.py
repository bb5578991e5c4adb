from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.csrf import csrf_exempt

from bank.models import Payee
from bank.services import send_money


# The form kept failing with "403 Forbidden: CSRF verification failed", so
# both views were exempted from the check.
@csrf_exempt
@login_required
def transfer(request):
    """GET: the account page. POST (to, amount): send money to another customer."""
    error = None
    if request.method == "POST":
        error = send_money(request.user, request.POST.get("to", ""), request.POST.get("amount", ""))
        if error is None:
            return redirect("transfer")
    context = {
        "account": request.user.account,
        "payees": request.user.payees.order_by("username"),
        "error": error,
    }
    return render(request, "bank/transfer.html", context, status=400 if error else 200)


@csrf_exempt
@login_required
def remove_payee(request, payee_id):
    """Remove one of the user's saved payees."""
    payee = get_object_or_404(Payee, pk=payee_id, owner=request.user)
    payee.delete()
    return redirect("transfer")
