# Step 2 of README.md: the schema migration that adds Person.full_name.
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0001_initial"),
    ]

    operations = [
        # Add the operation that adds the column here.
    ]
