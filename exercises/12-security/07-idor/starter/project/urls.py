from django.urls import path

from billing import views

urlpatterns = [
    path("invoices/", views.invoice_list, name="invoice-list"),
    path("invoices/<int:invoice_id>/", views.invoice_detail, name="invoice-detail"),
    path("invoices/<int:invoice_id>/pay/", views.pay_invoice, name="pay-invoice"),
]
