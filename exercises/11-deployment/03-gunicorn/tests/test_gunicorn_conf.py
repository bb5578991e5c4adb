import functools

import pytest

from drillkit import learnerside

VARIABLES = ("PORT", "WEB_CONCURRENCY")


def environment():
    """The learner's process's environment, without PORT and WEB_CONCURRENCY."""
    environ = learnerside.module("os").environ
    return {key: value for key, value in dict(environ).items() if key not in VARIABLES}


def config(cpus=2, **variables):
    """The names gunicorn.conf.py defines when run on a machine with that
    many CPUs and exactly these of PORT and WEB_CONCURRENCY set. It runs in
    the learner's process, with that process's environment and os patched."""
    mock = learnerside.module("unittest.mock")
    env = environment()
    env.update(variables)
    with mock.patch.dict(learnerside.module("os").environ, env, clear=True), \
            mock.patch("os.cpu_count", return_value=cpus), \
            mock.patch("os.process_cpu_count", return_value=cpus, create=True):
        return learnerside.module("runpy").run_path("gunicorn.conf.py")


def binds(namespace):
    """bind may be one address or a list of them."""
    bind = namespace.get("bind")
    return [bind] if isinstance(bind, str) else bind


@functools.cache
def gunicorn_check():
    """Run gunicorn once (then remember the result) with PORT=9000 and
    WEB_CONCURRENCY=4: --check-config loads the configuration and the app,
    and exits; --print-config also prints every setting as gunicorn sees it."""
    env = environment()
    env.update(PORT="9000", WEB_CONCURRENCY="4")
    env.pop("DJANGO_SETTINGS_MODULE", None)
    return learnerside.module("subprocess").run(
        ["gunicorn", "--check-config", "--print-config",
         "-c", "gunicorn.conf.py", "project.wsgi:application"],
        env=env, capture_output=True, text=True, timeout=60,
    )


def test_it_listens_on_every_interface_on_port_8000_by_default():
    assert binds(config()) == ["0.0.0.0:8000"]


def test_the_port_comes_from_the_port_variable():
    assert binds(config(PORT="5000")) == ["0.0.0.0:5000"]


def test_two_workers_per_cpu_plus_one():
    assert {cpus: config(cpus=cpus).get("workers") for cpus in (1, 2, 4, 5)} == {1: 3, 2: 5, 4: 9, 5: 11}


def test_no_more_than_twelve_workers_by_default():
    assert {cpus: config(cpus=cpus).get("workers") for cpus in (6, 8, 64)} == {6: 12, 8: 12, 64: 12}


def test_an_unknown_number_of_cpus_counts_as_one():
    assert config(cpus=None).get("workers") == 3


def test_web_concurrency_decides_the_number_of_workers_when_set():
    assert config(cpus=8, WEB_CONCURRENCY="3").get("workers") == 3
    assert config(cpus=1, WEB_CONCURRENCY="20").get("workers") == 20


@pytest.mark.parametrize("value", ["abc", "0", "-2", "2.5"])
def test_an_invalid_web_concurrency_stops_gunicorn(value):
    with pytest.raises(ValueError):
        config(WEB_CONCURRENCY=value)


def test_an_invalid_port_stops_gunicorn():
    for value in ["http", "0", "80.5"]:
        with pytest.raises(ValueError):
            config(PORT=value)


def test_timeouts_and_keepalive():
    namespace = config()
    assert {name: namespace.get(name) for name in ("timeout", "graceful_timeout", "keepalive")} == {
        "timeout": 30,
        "graceful_timeout": 30,
        "keepalive": 5,
    }


def test_logs_go_to_standard_output_and_error():
    namespace = config()
    assert (namespace.get("accesslog"), namespace.get("errorlog")) == ("-", "-")


def test_workers_are_replaced_after_about_a_thousand_requests():
    namespace = config()
    assert (namespace.get("max_requests"), namespace.get("max_requests_jitter")) == (1000, 100)


def test_gunicorn_accepts_the_configuration_and_loads_the_app():
    result = gunicorn_check()
    assert result.returncode == 0, result.stdout[-1500:] + result.stderr[-1500:]


def test_gunicorn_itself_reads_every_setting():
    result = gunicorn_check()
    # One line per setting: "name<padding> = value"
    pairs = (line.split(" = ", 1) for line in result.stdout.splitlines() if " = " in line)
    seen = {name.strip(): value.strip() for name, value in pairs}
    names = ["bind", "workers", "timeout", "graceful_timeout", "keepalive",
             "accesslog", "errorlog", "max_requests", "max_requests_jitter"]
    assert {name: seen.get(name) for name in names} == {
        "bind": "['0.0.0.0:9000']",
        "workers": "4",
        "timeout": "30",
        "graceful_timeout": "30",
        "keepalive": "5",
        "accesslog": "-",
        "errorlog": "-",
        "max_requests": "1000",
        "max_requests_jitter": "100",
    }
