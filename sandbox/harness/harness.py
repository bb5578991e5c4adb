"""drill's in-container harness: the judge's side of a sandbox.

It runs as the judge (uid 10001) with no capabilities, started by the
watchdog (see watchdog), in a sandbox whose root filesystem is read-only,
beside the zygote (zygote.py), which runs as the learner (uid 10002). drill
streams the jobs to it on standard input: one JSON line (for each job its
header, its time limits and the size of its archive), then each job's tar
archive of the learner's editable files, the exercise's support files, and
the hidden tests under tests/.

The batch parent (batch.py) runs each job in a judge child of this warmed-up
process; the child runs the judge (judge.py): pytest on the hidden tests,
with the learner's code in a learner process the zygote forks (learner.py),
reached only through proxies (remote.py) over a data-only channel
(wire.py). See ../README.md for the processes, users and what crosses.
"""

import os

import batch
import judge
import warm

# What pytest itself imports as it runs (its debugging plugin, at
# configure), loaded before the job comes. What learner code imports is the
# zygote's to load (zygote.py).
WARM_MODULES = ("pdb", "xml.etree.ElementTree", "json", "decimal", "sqlite3", "difflib", "tarfile",
                "remote", "drillkit.sql", "judgekit.django_fixtures")


def main():
    batch.main(prepare)


def prepare():
    """Warm the judge up (see warm_up); returns the job function the batch
    runs in each job's child."""
    plugins, _ = warm_up()

    def job(job, archive, learners):
        judge.run_job(job, archive, learners, plugins)

    return job


def warm_up():
    """Import what the judge needs, and name the pytest plugins to load:
    pytest is told not to scan every installed package for plugins, which
    costs more than the tests of a small exercise (and pytest-django's would
    import Django here: Django is the learner process's). Returns the
    plugins and the modules that could not be imported."""
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    plugins = []
    for module in ("pytest_subtests.plugin",):
        try:
            __import__(module)
        except ImportError:
            continue
        plugins.append(module)
    import _pytest.config

    modules = ["_pytest." + name for name in _pytest.config.default_plugins] + list(WARM_MODULES)
    return plugins, warm.import_each(modules)


if __name__ == "__main__":
    main()
