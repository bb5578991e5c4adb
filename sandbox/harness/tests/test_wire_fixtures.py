"""The harness writes the messages of the wire contract exactly as the
shared fixtures (../testdata/wire) have them; drill's Go side
(internal/wire) reads the same fixtures.

Run on the host with `python3 -m pytest sandbox/harness/tests -q` where the
harness imports (it needs pytest 8, as in the sandbox's Debian trixie; it
skips, saying why, where it does not), and in the sandbox image by
internal/sandbox's TestDockerHarnessWritesFixtures.
"""

import json
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
# Beside the harness on the host; in a sandbox's job, beside this file.
FIXTURES = next((p for p in (HERE.parent / "testdata" / "wire", HERE / "testdata" / "wire") if p.is_dir()), None)
sys.path.insert(0, str(HERE.parent))
try:
    import judge
except Exception as e:  # noqa: BLE001 - any failure to import is a reason to skip here
    pytest.skip("the harness does not import with this pytest: %s" % e, allow_module_level=True)


def fixture(name):
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


class FakeItem:
    """What the Recorder reads of a collected pytest item."""

    def __init__(self, nodeid, doc="", hidden=False):
        self.nodeid = nodeid
        self.parent = None  # no unittest class: file_order keeps the order

        def obj():
            pass

        obj.__doc__ = doc
        self.obj = obj
        self.markers = {"hidden": pytest.mark.hidden.mark} if hidden else {}

    def get_closest_marker(self, name):
        return self.markers.get(name)


class FakeSession:
    def __init__(self, items):
        self.items = items


def recorder_of(tests, docs=None, hidden=()):
    """A Recorder after collecting the fixture's tests, and what it emitted."""
    lines = []
    rec = judge.Recorder(None, lines.append)
    docs = docs or {}
    items = [FakeItem(t["file"] + "::" + t["name"], docs.get(t["name"], ""), t["name"] in hidden) for t in tests]
    rec.pytest_collection_finish(FakeSession(items))
    return rec, lines


def test_collection_finish_emits_the_collected_ids():
    lines = (FIXTURES / "stream-pass.jsonl").read_text(encoding="utf-8").splitlines()
    doc = json.loads(lines[-1])["results"]
    _, emitted = recorder_of(doc["tests"])
    assert [json.dumps(line) for line in emitted] == [lines[1]]


def test_a_run_to_the_end():
    lines = (FIXTURES / "stream-pass.jsonl").read_text(encoding="utf-8").splitlines()
    want = json.loads(lines[-1])["results"]
    rec, _ = recorder_of(want["tests"])
    for t in want["tests"]:
        entry = rec.tests[t["file"] + "::" + t["name"]]
        entry["status"], entry["output"] = t["status"], t["output"]
    assert json.dumps({"results": rec.document(0)}) == lines[-1]
    assert rec.document(0) == fixture("results-pass.json")


def test_a_failing_run():
    want = fixture("results-fail.json")
    tests = want["tests"]
    rec, _ = recorder_of(tests, docs={"test_secret": "Shouting keeps the words.\n\nMore for the author."}, hidden={"test_secret"})
    entries = [rec.tests[t["file"] + "::" + t["name"]] for t in tests]
    two_words, umlaut, secret, flood, later, odd = entries
    two_words["status"] = "fail"
    two_words["_failures"].append(tests[0]["message"])
    umlaut["status"], umlaut["output"] = "pass", tests[1]["output"]
    # A hidden test's output and failure stay the author's.
    secret["status"], secret["output"] = "fail", "the secret input"
    secret["_failures"].append("assert 42 == 43")
    # Cut short: never reported, so an error.
    flood["output"], flood["output_truncated"] = tests[3]["output"], True
    later["status"] = "skip"
    odd["status"] = "pass"
    assert rec.document(1) == want


def test_no_tests():
    rec, _ = recorder_of([])
    assert rec.document(5) == fixture("results-no-tests.json")


def test_an_error_while_collecting():
    want = fixture("results-import.json")
    rec, _ = recorder_of([])
    rec.collect_errors.append({"file": "tests/test_shout.py", "message": want["message"]})
    assert rec.document(2) == want


def test_error_documents():
    syntax = fixture("results-syntax.json")
    assert judge.error_doc(syntax["message"], kind="syntax", file="shout.py", line=3) == syntax
    assert judge.error_doc("shout.py is missing", kind="missing_file", file="shout.py") == fixture("results-missing-file.json")
