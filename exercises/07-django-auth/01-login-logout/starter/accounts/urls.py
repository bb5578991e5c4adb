from django.urls import path

from accounts import views

urlpatterns = [
    path("", views.home, name="home"),
    # Add the routes for /login/ and /logout/ here, named "login" and "logout".
]
