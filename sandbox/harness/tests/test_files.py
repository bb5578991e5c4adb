"""drillkit.files, as today's harness has it: the work directory on disk."""

import pytest

from drillkit import files


@pytest.fixture
def work(tmp_path, monkeypatch):
    (tmp_path / "project").mkdir()
    (tmp_path / "project" / "settings.py").write_text("DEBUG = False\n", encoding="utf-8")
    (tmp_path / "Dockerfile").write_text("FROM python:3.13-slim\n", encoding="utf-8")
    (tmp_path / ".dockerignore").write_bytes(b".git\n")
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_x.py").write_text("", encoding="utf-8")
    (tmp_path / "project" / "__pycache__").mkdir()
    (tmp_path / "project" / "__pycache__" / "settings.cpython-313.pyc").write_bytes(b"")
    monkeypatch.setattr(files, "_root", str(tmp_path))
    return tmp_path


def test_text_and_data(work):
    assert files.text("project/settings.py") == "DEBUG = False\n"
    assert files.text("./Dockerfile") == "FROM python:3.13-slim\n"
    assert files.data(".dockerignore") == b".git\n"


def test_exists(work):
    assert (files.exists("Dockerfile"), files.exists("project"), files.exists("missing.txt")) == (True, False, False)


def test_names_are_every_file_but_the_tests_and_caches(work):
    assert files.names() == [".dockerignore", "Dockerfile", "project/settings.py"]


def test_a_missing_file_is_file_not_found(work):
    with pytest.raises(FileNotFoundError):
        files.text("nothing.py")


@pytest.mark.parametrize("path", ["../etc/passwd", "tests/test_x.py", "", "project/../../x"])
def test_paths_outside_the_learners_files_are_refused(work, path):
    with pytest.raises(ValueError):
        files.text(path)
