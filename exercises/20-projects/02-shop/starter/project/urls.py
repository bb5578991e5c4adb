from django.urls import include, path

# Every URL of the site is in the shop app's urls.py.
urlpatterns = [
    path("", include("shop.urls")),
]
