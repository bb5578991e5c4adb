from django.urls import path

from shop import views

urlpatterns = [
    path("cart/", views.cart),
    path("visits/", views.visits),
    path("files/<str:name>", views.files),
]
