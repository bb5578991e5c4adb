"""The judge in drill's tests of the sandbox's two users
(internal/sandbox/split_test.go): the real batch parent (batch.main), whose
jobs are Python source (the job's judge/judge.py) run in the judge child,
as the judge, with the job's session with the zygote; the job's files are
the learner's, written to /work through it. The source reports with
expect(name, got, want), one JSON line each on the results stream, and
ends with {"done": true}."""

import io
import json
import os
import tarfile

import batch

# The batch parent's results channel (drill reads it), as it is before the
# batch takes a private copy of it.
RESULTS = os.fstat(1)


def prepare():
    return run_job


def run_job(job, archive, learners):
    child_results = os.fstat(1)  # the judge child's results stream, to the parent
    emit, close, _ = batch.results_stream()
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        files = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
    judge = files.pop("judge/judge.py").decode()
    if files:
        learners.write_files(files)

    def expect(name, got, want):
        emit({"check": name, "ok": got == want, "got": repr(got), "want": repr(want)})

    def run(spawned, source):
        spawned.chan.send(source)
        reply = spawned.chan.recv()
        if "error" in reply:
            raise AssertionError("the learner process failed:\n" + reply["error"])
        return reply["result"]

    exec(compile(judge, "judge", "exec"), {
        "learners": learners, "expect": expect, "run": run, "json": json, "os": os,
        "RESULTS": [(RESULTS.st_dev, RESULTS.st_ino), (child_results.st_dev, child_results.st_ino)],
    })
    emit({"done": True})
    close()


batch.main(prepare)
