# Step 3 of README.md: the data migration that fills full_name.
from django.db import migrations


def fill_full_name(apps, schema_editor):
    """Set full_name of every existing person from first_name and last_name."""
    # The model as it was at this point of the migrations, not people.models.
    Person = apps.get_model("people", "Person")
    for person in Person.objects.all():
        person.full_name = " ".join(part for part in (person.first_name, person.last_name) if part)
        person.save(update_fields=["full_name"])


class Migration(migrations.Migration):
    dependencies = [
        ("people", "0002_person_full_name"),
    ]

    operations = [
        migrations.RunPython(fill_full_name),
    ]
