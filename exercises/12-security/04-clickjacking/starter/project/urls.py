from django.urls import path

from pages import views

urlpatterns = [
    path("", views.home, name="home"),
    path("account/", views.account, name="account"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("widget/", views.widget, name="widget"),
]
