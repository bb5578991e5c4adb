from django.urls import path

from shop import views

urlpatterns = [
    path("greeting/", views.greeting),
    path("products/", views.products),
    path("whoami/", views.whoami),
]
