from django.apps import AppConfig


class ShopConfig(AppConfig):
    name = "shop"

    def ready(self):
        # Importing the module connects the receivers defined in it.
        from shop import signals  # noqa: F401
