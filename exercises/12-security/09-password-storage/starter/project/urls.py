from django.urls import path

from members import views

urlpatterns = [
    path("register/", views.register_view, name="register"),
    path("login/", views.login_view, name="login"),
    path("password/", views.change_password_view, name="change-password"),
]
