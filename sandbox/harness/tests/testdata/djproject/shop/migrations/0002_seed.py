from django.db import migrations


def seed(apps, schema_editor):
    apps.get_model("shop", "Product").objects.using(schema_editor.connection.alias).create(name="seeded")


class Migration(migrations.Migration):
    dependencies = [("shop", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
