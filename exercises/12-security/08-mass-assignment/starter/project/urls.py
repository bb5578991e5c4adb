from django.urls import include, path
from rest_framework.routers import DefaultRouter

from wallet import views

router = DefaultRouter()
router.register("accounts", views.AccountViewSet, basename="account")

urlpatterns = [
    path("api/me/", views.MeView.as_view(), name="me"),
    path("api/", include(router.urls)),
]
