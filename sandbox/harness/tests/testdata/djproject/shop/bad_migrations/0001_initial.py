from django.db import migrations


def fill(apps, schema_editor):
    raise ValueError("the data migration cannot fill the table")


class Migration(migrations.Migration):
    initial = True
    dependencies = []
    operations = [migrations.RunPython(fill)]
