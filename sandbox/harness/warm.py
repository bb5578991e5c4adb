"""Importing ahead of the job: what the judge (harness.py) and the zygote
(zygote.py) each load while a spare waits, so that a job finds it loaded."""

import importlib


def import_each(modules):
    """Import each of modules (names); returns those that could not be
    imported (the job loads them, or fails on them, itself)."""
    missing = []
    for module in modules:
        try:
            importlib.import_module(module)
        except Exception:  # noqa: BLE001 - a module not loaded now is loaded by the job
            missing.append(module)
    return missing
