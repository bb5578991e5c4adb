class AnalyticsRouter:
    """Sends the models of the "analytics" app to the "analytics" database,
    and keeps everything else in "default".

    Each method may return None, meaning "no opinion": Django then asks the
    next router, and in the end falls back to "default".
    """

    def db_for_read(self, model, **hints):
        """The database alias to read model's rows from."""
        return None

    def db_for_write(self, model, **hints):
        """The database alias to write model's rows to."""
        return None

    def allow_relation(self, obj1, obj2, **hints):
        """May obj1 and obj2 be linked by a ForeignKey or ManyToManyField?"""
        return None

    def allow_migrate(self, db, app_label, model_name=None, **hints):
        """May the tables of app_label be created in the database db?"""
        return None
