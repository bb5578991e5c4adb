# The shop's URLs (project/urls.py includes them under /shop/).
from django.urls import path, register_converter

from catalog import converters, views

register_converter(converters.IsoDateConverter, "isodate")

app_name = "catalog"

urlpatterns = [
    path("", views.index, name="index"),
    # int before slug: "42" would match the slug pattern too.
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
    path("products/<slug:slug>/", views.product_by_slug, name="product-by-slug"),
    path("events/<isodate:day>/", views.events_on_day, name="events-on-day"),
]
