from django.db import models


class Gadget(models.Model):
    name = models.CharField(max_length=undefined_length)  # noqa: F821 - the learner's mistake
