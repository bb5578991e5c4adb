# The shop's URLs (project/urls.py includes them under /shop/).
from django.urls import path, register_converter

from catalog import converters, views

register_converter(converters.IsoDateConverter, "isodate")

app_name = "catalog"

urlpatterns = [
    path("", views.index, name="index"),
    path("products/<slug:slug>/", views.product_by_slug, name="product-by-slug"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
    path("events/<isodate:day>/", views.events_on_day, name="events-on-day"),
]
