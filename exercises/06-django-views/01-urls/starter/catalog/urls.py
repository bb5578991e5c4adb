# The shop's URLs (project/urls.py includes them under /shop/).
from django.urls import path, register_converter

from catalog import converters, views

urlpatterns = [
    # Add the four routes described in README.md.
]
