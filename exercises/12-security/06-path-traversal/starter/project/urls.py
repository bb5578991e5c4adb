from django.urls import path

from downloads import views

urlpatterns = [
    path("download/", views.download, name="download"),
]
