from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render

from bank.models import Payee
from bank.services import send_money


# No @csrf_exempt: CsrfViewMiddleware checks every POST against the token
# that the form carries ({% csrf_token %} in the template).
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


@login_required
def remove_payee(request, payee_id):
    """Remove one of the user's saved payees."""
    payee = get_object_or_404(Payee, pk=payee_id, owner=request.user)
    payee.delete()
    return redirect("transfer")
