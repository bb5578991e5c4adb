# Receivers that keep the cached stats in shop/stats.py fresh.
# shop/apps.py imports this module when Django starts, which connects
# every receiver defined here.
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from shop.models import Category, Product
from shop.stats import ALL_KEYS


# A product changes the stock value and the counts; a category's name is a
# key of the counts. post_delete also fires for queryset.delete() and for
# rows deleted by a cascade, which an overridden Model.delete() would miss.
@receiver(post_save, sender=Product)
@receiver(post_delete, sender=Product)
@receiver(post_save, sender=Category)
@receiver(post_delete, sender=Category)
def forget_stats(sender, **kwargs):
    cache.delete_many(ALL_KEYS)
