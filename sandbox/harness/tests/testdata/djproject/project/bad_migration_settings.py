from project.settings import *  # noqa: F401,F403

MIGRATION_MODULES = {"shop": "shop.bad_migrations"}
