from django.urls import path

from shop import views

# Add a path() for every URL in README.md as you write its view, e.g.
#     path("products/", views.product_list),
#     path("products/<int:product_id>/", views.product_detail),
urlpatterns = []
