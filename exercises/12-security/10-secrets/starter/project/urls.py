from django.urls import path

from payments import views

urlpatterns = [
    path("pay/", views.pay, name="pay"),
    path("payments/status/", views.status, name="payments-status"),
]
