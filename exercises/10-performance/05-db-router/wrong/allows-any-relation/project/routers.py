ANALYTICS_APP = "analytics"
ANALYTICS_DB = "analytics"


def is_analytics(model_or_obj):
    # Works for a model class and for an instance: both have _meta.
    return model_or_obj._meta.app_label == ANALYTICS_APP


class AnalyticsRouter:
    """Sends the models of the "analytics" app to the "analytics" database,
    and keeps everything else in "default".

    Each method may return None, meaning "no opinion": Django then asks the
    next router, and in the end falls back to "default".
    """

    def db_for_read(self, model, **hints):
        """The database alias to read model's rows from."""
        if is_analytics(model):
            return ANALYTICS_DB
        return None

    def db_for_write(self, model, **hints):
        """The database alias to write model's rows to."""
        if is_analytics(model):
            return ANALYTICS_DB
        return None

    def allow_relation(self, obj1, obj2, **hints):
        """May obj1 and obj2 be linked by a ForeignKey or ManyToManyField?"""
        return True

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """May the tables of app_label be created in the database db?"""
        if app_label == ANALYTICS_APP:
            return db == ANALYTICS_DB
        if db == ANALYTICS_DB:
            # No auth, contenttypes or shop tables in the analytics database.
            return False
        return None
