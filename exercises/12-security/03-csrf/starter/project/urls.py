from django.urls import path

from bank import views

urlpatterns = [
    path("transfer/", views.transfer, name="transfer"),
    path("payees/<int:payee_id>/remove/", views.remove_payee, name="remove-payee"),
]
