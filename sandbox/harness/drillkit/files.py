"""The learner's files as the job brought them, for tests that read them.

    from drillkit import files

    def test_the_dockerfile_pins_its_base_image():
        assert files.text("Dockerfile").startswith("FROM python:3.13")

A test that looks at the learner's source (a Dockerfile, the text of a
module, a key that must not be written in the code) reads it here rather
than opening it: the learner's code runs in a process of its own that
could change what is on disk by the time the test looks, and the tests'
own directory is not the learner's (docs/authoring.md, "Tests and the
boundary"). Under drill's judge/learner split the judge's harness replaces
_root with the job's files as it sent them, before any learner code ran;
today's harness runs the tests in the work directory, which holds them.

Paths are relative to the work directory, with / between parts: the
learner's editable files and the exercise's support files; tests/ is not
among them.
"""

import os

_root = "."


def text(path):
    """The text (UTF-8) of the file at path; FileNotFoundError if there is none."""
    return data(path).decode("utf-8")


def data(path):
    """The bytes of the file at path; FileNotFoundError if there is none."""
    with open(_local(path), "rb") as f:
        return f.read()


def exists(path):
    """Whether the job has a file at path."""
    return os.path.isfile(_local(path))


def names():
    """The paths of every file of the job but the tests', sorted."""
    found = []
    for folder, subfolders, filenames in os.walk(_root):
        relative = os.path.relpath(folder, _root)
        parts = [] if relative == "." else relative.split(os.sep)
        if parts[:1] == ["tests"]:
            subfolders[:] = []
            continue
        subfolders[:] = [name for name in subfolders if name != "__pycache__"]
        found.extend("/".join(parts + [name]) for name in filenames)
    return sorted(found)


def _local(path):
    parts = [part for part in path.split("/") if part not in ("", ".")]
    if not parts or ".." in parts or parts[0] == "tests":
        raise ValueError("%r is not a path of the learner's files" % path)
    return os.path.join(_root, *parts)
