"""Run migration steps on one new database, in a process of its own.

    python3 -c "$(cat tests/migrate_steps.py)" DB STEP...

The tests run it from the learner's process, in the work directory, with
this text as the program (the learner's process cannot read tests/).

STEP is "migrate" (to the latest migration), "migrate:0001" (to just after
0001, undoing later ones), "seed" (insert the people below with plain SQL) or
"read" (the table's columns and rows). Each step prints one JSON line:
{"step": ..., "ok": true, ...} or, and then the run stops,
{"step": ..., "ok": false, "error": "<where in people/ and what>"}.
"""

import json
import os
import sys
import traceback

WORK = os.getcwd()

PEOPLE = [
    ("Ada", "Lovelace"),
    ("Grace", "Hopper"),
    ("Madonna", ""),
    ("Jean-Luc", "Picard"),
    ("Mary Ann", "Evans"),
]


def describe(exc):
    """The frames of the exception in the app's own files, and the exception."""
    lines = []
    for frame in traceback.extract_tb(exc.__traceback__):
        rel = os.path.relpath(frame.filename, WORK)
        if rel.startswith("people" + os.sep):
            lines.append(f"  {rel}, line {frame.lineno}")
            if frame.line:
                lines.append(f"    {frame.line.strip()}")
    lines.append(f"{type(exc).__name__}: {exc}")
    return "\n".join(lines)


def run(step, call_command, connection):
    if step == "migrate":
        call_command("migrate", "people", verbosity=0)
    elif step.startswith("migrate:"):
        call_command("migrate", "people", step.split(":", 1)[1], verbosity=0)
    elif step == "seed":
        with connection.cursor() as cursor:
            cursor.executemany("INSERT INTO people_person (first_name, last_name) VALUES (%s, %s)", PEOPLE)
    elif step == "read":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA table_info(people_person)")
            columns = {row[1]: row[2].lower() for row in cursor.fetchall()}
            cursor.execute(f"SELECT {', '.join(columns)} FROM people_person ORDER BY id")
            rows = [dict(zip(columns, row)) for row in cursor.fetchall()]
        return {"columns": columns, "rows": rows}
    else:
        raise ValueError(f"unknown step {step!r}")
    return {}


def main(db, steps):
    os.environ["DRILL_DB"] = db
    os.environ["DJANGO_SETTINGS_MODULE"] = "project.settings"
    sys.path.insert(0, WORK)
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    for step in steps:
        try:
            out = {"step": step, "ok": True, **run(step, call_command, connection)}
        except Exception as exc:  # noqa: BLE001 - reported to the tests
            out = {"step": step, "ok": False, "error": describe(exc)}
        print(json.dumps(out), flush=True)
        if not out["ok"]:
            break


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
