from decimal import Decimal, InvalidOperation

from rest_framework import generics
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import PageNumberPagination

from shop.models import Product
from shop.serializers import ProductSerializer

# The only values ?ordering= may take: never pass user input to order_by()
# unchecked.
ORDERINGS = {"name", "-name", "price", "-price"}


class ProductPagination(PageNumberPagination):
    """Pages of 5 products; ?page_size= may ask for up to 20."""

    page_size = 5
    page_size_query_param = "page_size"
    max_page_size = 20


def number(params, name):
    try:
        return Decimal(params[name])
    except InvalidOperation:
        raise ValidationError({name: ["A valid number is required."]})


class ProductList(generics.ListAPIView):
    """GET /products/: the products, filtered by the query parameters,
    sorted, and one page at a time."""

    serializer_class = ProductSerializer
    pagination_class = ProductPagination

    def get_queryset(self):
        params = self.request.query_params
        products = Product.objects.all()
        if "category" in params:
            products = products.filter(category=params["category"])
        if "min_price" in params:
            products = products.filter(price__gte=number(params, "min_price"))
        if "max_price" in params:
            products = products.filter(price__lte=number(params, "max_price"))
        if "in_stock" in params:
            value = params["in_stock"]
            if value not in ("true", "false"):
                raise ValidationError({"in_stock": ["Must be true or false."]})
            products = products.filter(in_stock=(value == "true"))
        if "search" in params:
            products = products.filter(name__icontains=params["search"])
        ordering = params.get("ordering", "name")
        if ordering not in ORDERINGS:
            ordering = "name"
        # id breaks ties, so that every page is stable.
        return products.order_by(ordering, "id")
