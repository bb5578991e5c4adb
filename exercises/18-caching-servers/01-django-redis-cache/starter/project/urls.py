from django.urls import path

from catalog import views

urlpatterns = [
    path("products/top/", views.top_products, name="top-products"),
    path("products/<int:pk>/", views.product_detail, name="product-detail"),
]
