from django.contrib.auth import views as auth_views
from django.urls import include, path

urlpatterns = [
    # Django's own login and logout views. LoginView sends the user on to
    # the page named in ?next= after a successful login.
    path("login/", auth_views.LoginView.as_view(), name="login"),
    path("logout/", auth_views.LogoutView.as_view(next_page="/"), name="logout"),
    path("", include("shop.urls")),
]
