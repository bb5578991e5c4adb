import re

from workflow import (MANAGE, SECRET_EXPRESSION, action, branch_filter, env, expression, first, hard_coded_secrets,
                      listing, load, mapping, runs, steps, the_test_job, triggers, uses)

INSTALL = runs(r"pip\s+install\s+(?:.*\s)?-r\s+requirements\.txt")
MIGRATIONS = runs(MANAGE + r"makemigrations\b.*--check")
DEPLOY = runs(MANAGE + r"check\b(?=.*--deploy)(?=.*--fail-level[\s=]+WARNING\b)")
TESTS = runs(MANAGE + r"test\b")
ANY_MANAGE = runs(MANAGE)


def after_install(condition, what):
    """The step that does `what`, which must come after the install step."""
    found = steps(the_test_job(load()))
    install = first(found, INSTALL)
    step = first(found, condition)
    assert step is not None, f"no step of job test runs {what}"
    assert install is not None and install < step, f"{what} must run after pip install -r requirements.txt"
    return found[step]


def test_it_runs_on_pushes_and_pull_requests_to_main():
    events = triggers(load())
    runs_for = {event: branch_filter(events, event) for event in ("push", "pull_request")}
    assert runs_for == {"push": ["main"], "pull_request": ["main"]}, f"the workflow runs for {runs_for}"


def test_the_token_may_only_read_the_code():
    workflow = load()
    declared = "permissions" in workflow
    assert declared, (
        "no permissions: at the top of the workflow, so its token gets the repository's defaults, "
        "which may be write access to everything"
    )
    granted = {"the workflow": workflow["permissions"]}
    granted.update({f"job {name}": job["permissions"] for name, job in mapping(workflow.get("jobs")).items()
                    if isinstance(job, dict) and "permissions" in job})
    wanted = {where: {"contents": "read"} for where in granted}
    # A scope set to none grants nothing, so it may be listed.
    given = {where: {scope: level for scope, level in value.items() if level != "none"}
             if isinstance(value, dict) else value for where, value in granted.items()}
    assert given == wanted, f"the token may: {given}"


def test_a_test_job_on_ubuntu():
    runs_on = the_test_job(load()).get("runs-on")
    assert isinstance(runs_on, str) and runs_on.startswith("ubuntu-"), f"job test runs on {runs_on!r}"


def test_a_matrix_of_python_versions_written_as_strings():
    versions = mapping(mapping(the_test_job(load()).get("strategy")).get("matrix")).get("python-version")
    assert isinstance(versions, list), "job test needs strategy: matrix: python-version: [a list of versions]"
    numbers = [v for v in versions if not isinstance(v, str)]
    assert numbers == [], "a version that is not quoted is a number to YAML (3.10 is 3.1): quote each, \"3.12\""
    assert all(re.fullmatch(r"3\.\d+", v) for v in versions), f"versions such as \"3.12\", not {versions}"
    assert len(set(versions)) >= 2, "the matrix needs at least two Python versions"


def test_the_code_is_checked_out_first():
    found = steps(the_test_job(load()))
    assert found and action(found[0]) == "actions/checkout", "the first step must use actions/checkout"


def test_every_action_is_pinned_to_a_version():
    loose = []
    for job in mapping(load().get("jobs")).values():
        for step in steps(mapping(job)):
            if uses(step) and not re.fullmatch(r"[^@\s]+@(v\d+(\.\d+)*|[0-9a-f]{40})", uses(step)):
                loose.append(uses(step))
    assert loose == []


def test_python_comes_from_the_matrix_with_pips_cache():
    found = steps(the_test_job(load()))
    setup = [step for step in found if action(step) == "actions/setup-python"]
    assert setup, "no step uses actions/setup-python"
    inputs = mapping(setup[0].get("with"))
    version = inputs.get("python-version")
    assert expression(version) == "${{matrix.python-version}}", (
        f"actions/setup-python installs python-version: {version!r}, not the matrix's ${{{{ matrix.python-version }}}}"
    )
    cached = inputs.get("cache") == "pip" or any(
        action(step) == "actions/cache"
        and ".cache/pip" in str(mapping(step.get("with")).get("path"))
        and "hashFiles(" in str(mapping(step.get("with")).get("key"))
        for step in found
    )
    assert cached, "pip's downloads are not cached: give actions/setup-python cache: pip"


def test_the_requirements_are_installed_with_that_python():
    found = steps(the_test_job(load()))
    setup = first(found, lambda step: action(step) == "actions/setup-python")
    install = first(found, INSTALL)
    assert install is not None, "no step runs pip install -r requirements.txt"
    assert setup is not None and setup < install, "install the requirements after actions/setup-python"


def test_a_missing_migration_fails_the_build():
    after_install(MIGRATIONS, "python manage.py makemigrations --check")


def test_a_deployment_warning_fails_the_build():
    after_install(DEPLOY, "python manage.py check --deploy --fail-level WARNING")


def test_the_tests_run():
    after_install(TESTS, "python manage.py test")


def test_postgres_runs_beside_the_job_with_a_health_check():
    services = mapping(the_test_job(load()).get("services"))
    assert "postgres" in services, "job test needs a service named postgres"
    postgres = mapping(services["postgres"])
    image = postgres.get("image")
    assert isinstance(image, str) and re.fullmatch(r"postgres:\d+(\.\d+)?(-[a-z0-9.]+)?", image), (
        f"the image must be postgres with a version, such as postgres:16, not {image!r}"
    )
    options = postgres.get("options")
    options = options if isinstance(options, str) else ""
    assert {option: option in options for option in
            ("--health-cmd", "pg_isready", "--health-interval", "--health-timeout", "--health-retries")} == {
        "--health-cmd": True, "pg_isready": True, "--health-interval": True, "--health-timeout": True,
        "--health-retries": True,
    }


def test_the_tests_reach_the_postgres_service():
    workflow = load()
    job = the_test_job(workflow)
    step = after_install(TESTS, "python manage.py test")
    services = mapping(job.get("services"))
    assert "postgres" in services, "job test needs a service named postgres"
    postgres = mapping(services["postgres"])
    service_env = mapping(postgres.get("env"))
    user = service_env.get("POSTGRES_USER", "postgres")
    published = []
    for entry in listing(postgres.get("ports")):
        host, _, container = str(entry).rpartition(":")
        if container == "5432":
            published.append(host or "${{job.services.postgres.ports[5432]}}")
    # What the service offers, and what settings.py gets (its defaults when a
    # variable is not set).
    service = {
        "host": "localhost",
        "port": published[0] if published else "5432 is not published (ports:)",
        "database": service_env.get("POSTGRES_DB", user),
        "user": user,
        "password": service_env.get("POSTGRES_PASSWORD"),
    }
    seen = env(workflow, job, step)
    host = str(seen.get("POSTGRES_HOST", "localhost"))
    port = expression(str(seen.get("POSTGRES_PORT", "5432"))).replace("'5432'", "5432").replace('"5432"', "5432")
    settings = {
        "host": "localhost" if host == "127.0.0.1" else host,
        "port": port,
        "database": seen.get("POSTGRES_DB", "shop"),
        "user": seen.get("POSTGRES_USER", "shop"),
        "password": seen.get("POSTGRES_PASSWORD", ""),
    }
    if service["password"] is None:
        service["password"] = "(POSTGRES_PASSWORD not set: the postgres image refuses to start)"
    service["password"] = expression(service["password"])
    settings["password"] = expression(settings["password"])
    assert settings == service, f"settings.py gets {settings}, but the postgres service is {service}"


def test_the_secret_key_comes_from_the_repositorys_secrets():
    workflow = load()
    job = the_test_job(workflow)
    manage = [step for step in steps(job) if ANY_MANAGE(step)]
    assert manage, "no step runs manage.py"
    keys = [env(workflow, job, step).get("DJANGO_SECRET_KEY") for step in manage]
    assert [key for key in keys if not (isinstance(key, str) and SECRET_EXPRESSION.fullmatch(key.strip()))] == [], (
        "every step that runs manage.py needs DJANGO_SECRET_KEY: ${{ secrets.SOME_NAME }} in its env"
    )


def test_no_secret_is_written_into_the_workflow():
    written = hard_coded_secrets(load())
    assert written == [], "these must be ${{ secrets.NAME }} expressions, not values written in the file"
