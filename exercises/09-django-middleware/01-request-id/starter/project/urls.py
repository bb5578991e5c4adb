from django.urls import path

from core import views

urlpatterns = [
    path("hello/", views.hello),
    path("whoami/", views.whoami),
    path("slow/", views.slow),
]
