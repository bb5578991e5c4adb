from django.urls import path

from signup import views

urlpatterns = [
    path("signup/", views.register, name="register"),
    path("welcome/", views.welcome, name="welcome"),
]
