#!/usr/bin/env python3
"""drill's benchmarks, measured side by side in one run.

    python3 bench/bench.py [--runs 20] [--skip-validate] [--cold-images] [--load-only]

1. Check latency, warm images, on a python and a Django exercise: `drill
   check` against the floor (the same hidden tests run by bare pytest on the
   host, in a temporary directory) and against the usual way (`docker run
   --rm --network none` with the files bind-mounted, then pytest, as
   Exercism's runner does). Runs are interleaved so that noise on a shared
   machine falls on all three alike; medians and ratios are printed.
2. A re-check in watch mode (in tmux), from a save to the result on screen,
   saves a second apart.
3. Bank validation at --jobs 1 and at the default (one per core), each
   starting with no spare sandboxes, and the speed-up.
4. drill's peak memory during a check and during validate.
5. Image build with nothing changed, image sizes; --cold-images also
   removes drill's images first and times a build from nothing.
6. Identical correct work under load: 4 copies of a reference solution
   graded at --jobs 4 while two busy loops run, and the whole bank
   validated the same way. Every one must pass: the time limit is CPU time,
   so a busy machine may make drill slower but never changes a verdict.

Needs: bin/drill (make setup; DRILL_BIN names another build), Docker, tmux, GNU time, and for the floor a host Python with
pytest, pytest-django and Django (on Debian: apt-get install python3-pytest
python3-pytest-django python3-django; set FLOOR_PYTHON if not /usr/bin/python3).
"""

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DRILL = os.environ.get("DRILL_BIN", os.path.join(ROOT, "bin", "drill"))
FLOOR_PYTHON = os.environ.get("FLOOR_PYTHON", "/usr/bin/python3")
EXERCISES = {
    "python": "python-basics/variables",
    "django": "django-models/fields",
}


def run(cmd, cwd=None, env=None, check=True):
    """Run cmd; return (seconds, completed process)."""
    start = time.perf_counter()
    p = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True)
    took = time.perf_counter() - start
    if check and p.returncode != 0:
        sys.exit("failed (%d): %s\n%s%s" % (p.returncode, " ".join(cmd), p.stdout[-2000:], p.stderr[-2000:]))
    return took, p


def peak_rss_mib(cmd, cwd=None):
    """Peak resident memory of cmd, in MiB, as GNU time measures it."""
    p = subprocess.run(["/usr/bin/time", "-f", "%M"] + cmd, cwd=cwd, capture_output=True, text=True)
    return int(p.stderr.strip().splitlines()[-1]) / 1024


def exercise_dir(bank, ex_id):
    section, name = ex_id.split("/")
    for s in sorted(os.listdir(bank)):
        if re.sub(r"^\d+-", "", s) == section:
            for e in sorted(os.listdir(os.path.join(bank, s))):
                if re.sub(r"^\d+-", "", e) == name:
                    return os.path.join(s, e)
    sys.exit("no exercise %s in %s" % (ex_id, bank))


def prepare(workspace, bank, ex_id):
    """A solved exercise three ways: in a drill workspace, and as a plain
    directory of starter + solution + tests for pytest."""
    rel = exercise_dir(bank, ex_id)
    src = os.path.join(bank, rel)
    shutil.copytree(os.path.join(src, "solution"), os.path.join(workspace, rel), dirs_exist_ok=True)
    plain = tempfile.mkdtemp(prefix="drill-bench-")
    shutil.copytree(os.path.join(src, "starter"), plain, dirs_exist_ok=True)
    shutil.copytree(os.path.join(src, "solution"), plain, dirs_exist_ok=True)
    shutil.copytree(os.path.join(src, "tests"), os.path.join(plain, "tests"))
    shutil.copytree(os.path.join(ROOT, "sandbox", "harness", "drillkit"), os.path.join(plain, "drillkit"))
    os.chmod(plain, 0o755)
    return os.path.join(workspace, rel), plain


def check_latency(runs, workspace, tags):
    bank = os.path.join(ROOT, "exercises")
    rows = []
    for runtime, ex_id in EXERCISES.items():
        exdir, plain = prepare(workspace, bank, ex_id)
        pytest_args = ["-m", "pytest", "-q", "-p", "no:cacheprovider", "tests"]
        floor_env = dict(os.environ, PYTHONPATH=plain, PYTHONDONTWRITEBYTECODE="1")
        ways = {
            "floor": ([FLOOR_PYTHON] + pytest_args, plain, floor_env),
            "usual": (["docker", "run", "--rm", "--network", "none", "-v", plain + ":/work:ro",
                       "-w", "/work", "-e", "PYTHONPATH=/work", "--entrypoint", "python3",
                       tags[runtime]] + pytest_args, None, None),
            "drill": ([DRILL, "check", ex_id], exdir, None),
        }
        times = {k: [] for k in ways}
        for name, (cmd, cwd, env) in ways.items():  # warm-up, and a pass check
            run(cmd, cwd=cwd, env=env)
        for _ in range(runs):
            for name, (cmd, cwd, env) in ways.items():
                times[name].append(run(cmd, cwd=cwd, env=env)[0])
        med = {k: statistics.median(v) for k, v in times.items()}
        rows.append((ex_id, med))
        shutil.rmtree(plain)
    print("\n1. Check latency, median of %d runs each, warm images (seconds)" % runs)
    print("%-26s %8s %8s %8s %12s %12s" % ("exercise", "floor", "usual", "drill", "drill/usual", "drill/floor"))
    for ex_id, m in rows:
        print("%-26s %8.3f %8.3f %8.3f %12.2f %12.2f" % (
            ex_id, m["floor"], m["usual"], m["drill"], m["drill"] / m["usual"], m["drill"] / m["floor"]))
    return rows


def watch_recheck(workspace, floor_median, runs=10):
    """Save the solved file again and time until a new result is on screen."""
    if not shutil.which("tmux"):
        print("\n2. Watch re-check: skipped (no tmux)")
        return
    ex_id = EXERCISES["python"]
    rel = exercise_dir(os.path.join(ROOT, "exercises"), ex_id)
    exdir = os.path.join(workspace, rel)
    # Passing moves watch on to the next exercise: keep it on this one by
    # saving failing versions (a re-check of a failing save is the same
    # work as of a passing one).
    target = os.path.join(exdir, "variables.py")
    with open(target) as f:
        bad = f.read().replace("quantity = 3", "quantity = 4")
    with open(target, "w") as f:
        f.write(bad)
    session = "drill-bench-%d" % os.getpid()
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "50", "-c", exdir,
                    DRILL + " watch " + ex_id + "; sleep 600"], check=True)

    def screen():
        return subprocess.run(["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True).stdout

    def wait(pred, limit=60):
        start = time.perf_counter()
        while time.perf_counter() - start < limit:
            s = screen()
            if pred(s):
                return time.perf_counter() - start
            time.sleep(0.005)
        sys.exit("watch: timed out; screen:\n" + screen())

    times = []
    try:
        wait(lambda s: "(checked in" in s)
        for i in range(runs + 1):
            # A learner reads the result and edits before saving again;
            # a second is quicker than anyone, and drill uses it to make
            # the next sandbox ready.
            time.sleep(1)
            marker = "quantity = %d" % (4 + i)
            tmp = target + ".tmp"
            with open(tmp, "w") as f:
                f.write(bad.replace("quantity = 4", marker))
            os.replace(tmp, target)
            took = wait(lambda s, m=str(4 + i): ("assert " + m + " == 3") in s)
            if i > 0:
                times.append(took)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session])
    med = statistics.median(times)
    print("\n2. Watch re-check, save to result on screen, median of %d: %.3f s (%.2f x the floor)" % (
        len(times), med, med / floor_median))


def machine_cpu_seconds():
    """CPU time the whole machine has spent so far (engine and sandboxes
    included), from /proc/stat."""
    with open("/proc/stat") as f:
        fields = [int(x) for x in f.readline().split()[1:]]
    user, nice, system, _idle, _iowait, irq, softirq, steal = fields[:8]
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def validate(skip):
    if skip:
        return
    rows = []
    for jobs in ["1", str(os.cpu_count())]:
        # Neither run may start with the other's spare sandboxes.
        run([DRILL, "clean"])
        cpu = machine_cpu_seconds()
        took, _ = run([DRILL, "validate", "--jobs", jobs])
        rows.append((jobs, took, machine_cpu_seconds() - cpu))
    print("\n3. Validate the whole bank (wall, and CPU time of the whole machine)")
    for jobs, took, cpu in rows:
        print("   --jobs %-2s %6.1f s  %6.1f CPU-s" % (jobs, took, cpu))
    print("   speed-up of the default (--jobs %s) over --jobs 1: %.2f" % (rows[1][0], rows[0][1] / rows[1][1]))


def memory(workspace, skip_validate):
    ex_id = EXERCISES["python"]
    exdir = os.path.join(workspace, exercise_dir(os.path.join(ROOT, "exercises"), ex_id))
    check = peak_rss_mib([DRILL, "check", ex_id], cwd=exdir)
    line = "\n4. drill's peak memory: check %.1f MiB" % check
    if not skip_validate:
        line += ", validate %.1f MiB" % peak_rss_mib([DRILL, "validate"])
    print(line)


def images(cold):
    if cold:
        run([DRILL, "clean", "--images"])
        t, _ = run([DRILL, "images", "build"])
        print("\n5. Image build from nothing: %.1f s" % t)
    t, p = run([DRILL, "images", "build"])
    print("%s5. Image build with nothing changed: %.3f s" % ("" if cold else "\n", t))
    tags = {rt: tag for tag, rt in re.findall(r"ready: (drill-(\w+):\S+)", p.stdout)}
    for tag in tags.values():
        _, q = run(["docker", "image", "inspect", "--format", "{{.Size}}", tag])
        print("   %s: %.0f MB" % (tag, int(q.stdout) / 1e6))
    return tags


LOAD_EXERCISE = "python-advanced/writing-tests"  # its hidden tests run pytest seven times


class BusyLoops:
    """n shell loops that keep n CPUs busy while the block runs."""

    def __init__(self, n=2):
        self.n, self.procs = n, []

    def __enter__(self):
        self.procs = [subprocess.Popen(["sh", "-c", "while :; do :; done"]) for _ in range(self.n)]
        return self

    def __exit__(self, *exc):
        for p in self.procs:
            p.kill()
            p.wait()


def under_load(workspace, skip_validate):
    rel = exercise_dir(os.path.join(ROOT, "exercises"), LOAD_EXERCISE)
    cls = os.path.join(workspace, "class")
    for i in range(4):
        d = os.path.join(cls, "learner-%d" % (i + 1))
        shutil.copytree(os.path.join(ROOT, "exercises", rel, "solution"), d)
    run([DRILL, "clean"])
    with BusyLoops(2):
        took, p = run([DRILL, "grade", "-e", LOAD_EXERCISE, "--jobs", "4", "--json", cls], check=False)
    subs = json.loads(p.stdout)["submissions"]
    passed = sum(1 for s in subs if s["status"] == "pass")
    slowest = max(s["duration_ms"] for s in subs) / 1000
    print("\n6. Identical correct work under load (two busy loops)")
    print("   %d copies of %s's solution at --jobs 4: %d of %d passed in %.1f s (slowest %.1f s)" % (
        len(subs), LOAD_EXERCISE, passed, len(subs), took, slowest))
    ok = passed == len(subs)
    if not skip_validate:
        run([DRILL, "clean"])
        with BusyLoops(2):
            took, p = run([DRILL, "validate"], check=False)
        summary = [ln for ln in p.stdout.splitlines() if "exercises:" in ln]
        print("   the whole bank validated: %s in %.1f s" % (summary[-1] if summary else "no summary (exit %d)" % p.returncode, took))
        ok = ok and p.returncode == 0
    print("   %s" % ("all passed" if ok else "NOT ALL PASSED"))
    return ok


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--skip-validate", action="store_true")
    ap.add_argument("--cold-images", action="store_true", help="remove drill's images and time a build from nothing")
    ap.add_argument("--load-only", action="store_true", help="measure only identical correct work under load (6)")
    args = ap.parse_args()
    if not os.path.exists(DRILL):
        sys.exit("no bin/drill: run make setup first")
    print("machine: %d cores, %s" % (os.cpu_count(), os.uname().release))
    tags = images(args.cold_images)
    workspace = tempfile.mkdtemp(prefix="drill-bench-ws-")
    try:
        run([DRILL, "init", os.path.join(workspace, "ws")])
        ws = os.path.join(workspace, "ws")
        if not args.load_only:
            rows = check_latency(args.runs, ws, tags)
            watch_recheck(ws, rows[0][1]["floor"])
            memory(ws, args.skip_validate)
            validate(args.skip_validate)
        ok = under_load(workspace, args.skip_validate)
    finally:
        shutil.rmtree(workspace, ignore_errors=True)
    if not ok:
        sys.exit(1)


if __name__ == "__main__":
    main()
