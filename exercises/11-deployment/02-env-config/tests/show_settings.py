"""Run as a separate process, with a JSON list of environments on standard
input. For each environment, a fresh child process (a fork) sets exactly
those variables, imports the settings module named by DJANGO_SETTINGS_MODULE
(the module as written, not django.conf.settings) and reports the settings
read from the environment, or the error that stopped the import. Prints the
list of reports as one JSON document."""

import importlib
import json
import os
import sys

VARIABLES = ("DJANGO_DEBUG", "DJANGO_SECRET_KEY", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL")
NAMES = ("DEBUG", "SECRET_KEY", "ALLOWED_HOSTS", "DATABASES")


def report(environment):
    for name in VARIABLES:
        os.environ.pop(name, None)
    os.environ.update(environment)
    try:
        module = importlib.import_module(os.environ["DJANGO_SETTINGS_MODULE"])
    except BaseException as e:  # noqa: BLE001 - reported to the test
        return {"error": type(e).__name__, "message": str(e)}
    return {name: getattr(module, name, None) for name in NAMES}


def in_child(environment):
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(read_end)
        try:
            data = json.dumps(report(environment), default=repr).encode()
        except BaseException as e:  # noqa: BLE001
            data = json.dumps({"error": type(e).__name__, "message": str(e)}).encode()
        with os.fdopen(write_end, "wb") as out:
            out.write(data)
        os._exit(0)
    os.close(write_end)
    with os.fdopen(read_end, "rb") as pipe:
        data = pipe.read()
    os.waitpid(pid, 0)
    if not data:
        return {"error": "crash", "message": "the settings module ended the process"}
    return json.loads(data)


def main():
    import django.core.exceptions  # noqa: F401 - loaded once, before the forks

    environments = json.load(sys.stdin)
    print(json.dumps([in_child(environment) for environment in environments]))


if __name__ == "__main__":
    main()
