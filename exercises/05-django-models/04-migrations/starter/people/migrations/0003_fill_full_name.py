# Step 3 of README.md: the data migration that fills full_name.
from django.db import migrations


def fill_full_name(apps, schema_editor):
    """Set full_name of every existing person from first_name and last_name."""


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_person_full_name"),
    ]

    operations = [
        # Add the operation that runs fill_full_name here.
    ]
