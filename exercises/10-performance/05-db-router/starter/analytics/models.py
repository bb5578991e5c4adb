from django.db import models


class Visit(models.Model):
    """One visitor's session on the site."""

    session_key = models.CharField(max_length=40)
    started_at = models.DateTimeField(auto_now_add=True)


class PageView(models.Model):
    visit = models.ForeignKey(Visit, on_delete=models.CASCADE, related_name="page_views")
    path = models.CharField(max_length=200)
    # A plain number, not a ForeignKey to shop.Product: a row in one
    # database can't point to a row in another.
    product_id = models.IntegerField(null=True, blank=True)
