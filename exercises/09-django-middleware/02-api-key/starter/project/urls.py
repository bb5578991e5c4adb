from django.urls import path

from core import views

urlpatterns = [
    path("api/orders/", views.orders),
    path("api/", views.api_root),
    path("health/", views.health),
    path("apiary/", views.apiary),
    path("docs/api/", views.docs),
]
