from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_GET, require_POST

from billing.models import Invoice

# Customers see and pay their own invoices. Accountants (users with
# is_staff) may look at every customer's invoices, but pay none of them.


def invoices_visible_to(user):
    """The invoices that user may look at."""
    if user.is_staff:
        return Invoice.objects.all()
    return Invoice.objects.filter(owner=user)


def invoices_payable_by(user):
    """The invoices that user may pay: only their own."""
    return Invoice.objects.filter(owner=user)


@require_GET
@login_required
def invoice_list(request):
    """GET /invoices/ -> {"invoices": [...]}: the user's own invoices."""
    invoices = Invoice.objects.filter(owner=request.user).order_by("number")
    return JsonResponse({"invoices": [invoice.as_dict() for invoice in invoices]})


@require_GET
@login_required
def invoice_detail(request, invoice_id):
    """GET /invoices/<id>/ -> the invoice."""
    # Look the id up only among the invoices this user may see: any other
    # invoice gives 404, exactly as if it did not exist.
    invoice = get_object_or_404(invoices_visible_to(request.user), pk=invoice_id)
    return JsonResponse(invoice.as_dict())


@require_POST
@login_required
def pay_invoice(request, invoice_id):
    """POST /invoices/<id>/pay/ -> the invoice, now paid."""
    # Mistake: the rule for looking is used for paying too, so accountants
    # can pay (and mark as paid) any customer's invoice.
    invoice = get_object_or_404(invoices_visible_to(request.user), pk=invoice_id)
    invoice.paid = True
    invoice.save(update_fields=["paid"])
    return JsonResponse(invoice.as_dict())
