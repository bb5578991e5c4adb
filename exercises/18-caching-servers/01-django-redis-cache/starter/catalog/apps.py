from django.apps import AppConfig


class CatalogConfig(AppConfig):
    name = "catalog"

    def ready(self):
        # Importing the module connects the receivers defined in it.
        from catalog import signals  # noqa: F401
