from django.apps import AppConfig


class ScaffoldModuleConfig(AppConfig):
    name = "scaffold_module"
