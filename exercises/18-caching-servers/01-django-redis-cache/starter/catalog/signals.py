# Receivers that keep the cached views of catalog/views.py fresh.
# catalog/apps.py imports this module when Django starts, which connects
# every receiver defined here.
from django.core.cache import cache  # noqa: F401
from django.db.models.signals import post_delete, post_save  # noqa: F401
from django.dispatch import receiver  # noqa: F401

from catalog.models import Product, Review  # noqa: F401
