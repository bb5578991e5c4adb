from django.urls import path

from core import views

urlpatterns = [
    path("api/orders/<int:number>/", views.order),
    path("api/reports/", views.reports),
    path("api/crash/", views.crash),
    path("api/divide/", views.divide),
    path("pages/crash/", views.crash),
    path("pages/orders/<int:number>/", views.order),
]
