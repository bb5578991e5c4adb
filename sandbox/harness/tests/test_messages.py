"""The judge's messages for a failure, in drill's words, not pytest's."""

import pytest

try:
    import judge
except Exception as e:  # noqa: BLE001 - the judge needs pytest 8, as in the image
    pytest.skip("the harness does not import with this pytest: %s" % e, allow_module_level=True)


@pytest.mark.parametrize("longrepr, want", [
    ("E   assert 1 == 2", "assert 1 == 2"),
    ("    x = 1\nE   AssertionError: the total\nE   assert 1 == 2", "the total\nassert 1 == 2"),
    ("E   assert (503, 'x') == (200, 'y')\nE     At index 0 diff: 503 != 200\nE     ...Full output truncated (3 lines hidden), use '-vv' to show",
     "assert (503, 'x') == (200, 'y')\n  At index 0 diff: 503 != 200\n  ...(3 more lines not shown)"),
    ("E   ...Full output truncated (1 line hidden), use '-vv' to show", "...(1 more line not shown)"),
])
def test_error_lines(longrepr, want):
    assert judge.error_lines(longrepr) == want


def test_no_pytest_flag_is_named_for_a_long_comparison(tmp_path):
    # pytest's own truncation, of a real comparison, as the judge runs it.
    import subprocess
    import sys
    (tmp_path / "test_x.py").write_text("def test_x():\n    assert list(range(40)) == list(range(1, 41))\n")
    out = subprocess.run([sys.executable, "-m", "pytest", "-q", "-o", "verbosity_assertions=1", "-p", "no:cacheprovider", str(tmp_path)],
                         capture_output=True, text=True).stdout
    lines = "\n".join(ln for ln in out.splitlines() if ln.startswith("E "))
    assert "use '-vv'" in lines
    msg = judge.error_lines(lines)
    assert "-vv" not in msg and "more lines not shown)" in msg, msg
