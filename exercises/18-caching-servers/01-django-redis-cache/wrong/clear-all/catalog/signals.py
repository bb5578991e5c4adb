# Receivers that keep the cached views of catalog/views.py fresh.
# catalog/apps.py imports this module when Django starts, which connects
# every receiver defined here.
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from catalog.models import Product, Review
from catalog.views import TOP_KEY, product_key


# Only the entries computed from what changed: the other products stay
# cached. Never cache.clear(): on a shared Redis it empties the whole
# database, every other project's keys with it.
@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
def product_changed(sender, instance, **kwargs):
    cache.clear()  # simplest: forget everything


# post_delete also fires for queryset.delete() and for the reviews a
# deleted product takes with it.
@receiver(post_save, sender=Review)
@receiver(post_delete, sender=Review)
def review_changed(sender, instance, **kwargs):
    cache.delete_many([product_key(instance.product_id), TOP_KEY])
