import json
from pathlib import Path

import pytest
from django.apps import apps
from django.db import models
from django.db.migrations.autodetector import MigrationAutodetector
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.state import ProjectState

from drillkit import learnerside
from people.models import Person

STEPS_PROGRAM = (Path(__file__).resolve().parent / "migrate_steps.py").read_text(encoding="utf-8")

# What tests/migrate_steps.py does to a new database, one step after the other:
# people are added at 0001, then everything is migrated, undone to 0001 and
# migrated again; "read" looks at the table.
STEPS = ["migrate:0001", "seed", "migrate", "read", "migrate:0001", "read", "migrate", "read"]
MIGRATED, UNDONE, REDONE = 3, 5, 7

PEOPLE = [
    ("Ada", "Lovelace"),
    ("Grace", "Hopper"),
    ("Madonna", ""),
    ("Jean-Luc", "Picard"),
    ("Mary Ann", "Evans"),
]

_run = []


def step(index):
    """What step STEPS[index] gave; the migrations run once, in a new process."""
    if not _run:
        db = learnerside.module("tempfile").mkdtemp(dir="/tmp") + "/db.sqlite3"
        python = learnerside.module("sys").executable
        result = learnerside.module("subprocess").run(
            [python, "-c", STEPS_PROGRAM, db, *STEPS],
            capture_output=True,
            text=True,
            timeout=60,
        )
        lines = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        if not lines:
            lines = [{"step": STEPS[0], "ok": False, "error": result.stderr.strip()[-1500:]}]
        _run.append(lines)
    done = _run[0]
    for earlier in done[:index]:
        command = " ".join(["migrate", "people"] + earlier["step"].split(":")[1:])
        if not earlier["step"].startswith("migrate"):
            command = f"the test step {earlier['step']!r}"
        assert earlier["ok"], f"{command} failed:\n{earlier.get('error', '')}"
    assert len(done) > index, "the migrations stopped early"
    return done[index]


def rows(index):
    result = step(index)
    assert "full_name" in result["columns"], "after migrating, the table people_person has no column full_name"
    return result["rows"]


def operations(name):
    module = learnerside.module(f"people.migrations.{name}")
    kind = learnerside.module("builtins").type
    return [kind(op).__name__ for op in module.Migration.operations]


def test_full_name_is_a_char_field_of_201_characters():
    names = [f.name for f in Person._meta.get_fields()]
    assert "full_name" in names, "Person has no field 'full_name' yet"
    full_name = Person._meta.get_field("full_name")
    assert isinstance(full_name, models.CharField)
    assert (full_name.max_length, full_name.blank, full_name.default) == (201, True, "")


def test_the_migrations_match_the_models():
    assert "full_name" in [f.name for f in Person._meta.get_fields()], "Person has no field 'full_name' yet"
    # What `makemigrations --check` does: compare the migrations with the models.
    loader = MigrationLoader(None, ignore_no_migrations=True)
    detector = MigrationAutodetector(loader.project_state(), ProjectState.from_apps(apps))
    changes = detector.changes(graph=loader.graph)
    missing = [op.describe() for migration in changes.get("people", []) for op in migration.operations]
    assert missing == [], "makemigrations would still write a migration for these changes"


def test_migration_0002_adds_the_column():
    assert operations("0002_person_full_name") == ["AddField"]


def test_migration_0003_is_a_data_migration():
    assert operations("0003_fill_full_name") == ["RunPython"]


def test_the_migrated_table_has_the_full_name_column():
    assert step(MIGRATED)["columns"] == {
        "id": "integer",
        "first_name": "varchar(100)",
        "last_name": "varchar(100)",
        "full_name": "varchar(201)",
    }


def test_existing_people_get_their_full_name():
    full_names = [row["full_name"] for row in rows(MIGRATED) if row["first_name"] != "Madonna"]
    assert full_names == ["Ada Lovelace", "Grace Hopper", "Jean-Luc Picard", "Mary Ann Evans"]


@pytest.mark.hidden
def test_a_person_without_a_last_name_gets_just_the_first_name():
    """Someone with an empty last_name must get full_name "Madonna": no space at the end."""
    full_names = [row["full_name"] for row in rows(MIGRATED) if row["first_name"] == "Madonna"]
    assert full_names == ["Madonna"]


def test_first_and_last_names_are_kept():
    names = [(row["first_name"], row["last_name"]) for row in rows(MIGRATED)]
    assert names == PEOPLE


def test_undoing_the_migrations_removes_the_column():
    assert "full_name" in step(MIGRATED)["columns"], "after migrating, the table people_person has no column full_name"
    assert sorted(step(UNDONE)["columns"]) == ["first_name", "id", "last_name"]
    assert len(step(UNDONE)["rows"]) == len(PEOPLE)


def test_migrating_again_after_undoing_gives_the_same_table():
    assert rows(REDONE) == rows(MIGRATED)
