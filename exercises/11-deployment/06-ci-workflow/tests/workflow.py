"""Reading a GitHub Actions workflow for the tests: parsed in the judge by
PyYAML's safe loader (which builds only plain data, never runs anything),
then looked at with GitHub's meanings. Everything here takes any parsed
value and gives plain answers, whatever shape the file has.
"""

import re

import pytest
import yaml

from drillkit import files

PATH = ".github/workflows/ci.yml"
SECRET_EXPRESSION = re.compile(r"\$\{\{\s*secrets\.[A-Za-z_][A-Za-z0-9_]*\s*\}\}")
SECRET_NAME = re.compile(r"SECRET|PASSWORD|PASSWD|TOKEN|KEY", re.IGNORECASE)


def load():
    """The workflow, parsed; a failed test when it is missing or not YAML."""
    if not files.exists(PATH):
        pytest.fail(f"there is no {PATH}", pytrace=False)
    try:
        parsed = yaml.safe_load(files.text(PATH))
    except yaml.YAMLError as error:
        pytest.fail(f"{PATH} is not valid YAML: {error}", pytrace=False)
    if not isinstance(parsed, dict):
        pytest.fail(f"{PATH} must be a mapping with name:, on: and jobs:", pytrace=False)
    return parsed


def mapping(value):
    return value if isinstance(value, dict) else {}


def listing(value):
    return value if isinstance(value, list) else []


def triggers(workflow):
    """on: as a mapping event -> its settings. YAML 1.1, which PyYAML reads,
    takes a bare `on` for the boolean true; GitHub reads it as the word."""
    on = workflow.get("on", workflow.get(True))
    if isinstance(on, str):
        return {on: None}
    if isinstance(on, list):
        return {event: None for event in on if isinstance(event, str)}
    return mapping(on)


def branch_filter(events, event):
    """Which branches an event runs the workflow for, as a test can compare it."""
    if event not in events:
        return "not a trigger"
    settings = mapping(events[event])
    if "branches" not in settings:
        return "every branch"
    branches = settings["branches"]
    return [branches] if isinstance(branches, str) else branches


def the_test_job(workflow):
    job = mapping(workflow.get("jobs")).get("test")
    if not isinstance(job, dict):
        pytest.fail("the workflow needs a job named test (jobs: test: ...)", pytrace=False)
    return job


def steps(job):
    return [step for step in listing(job.get("steps")) if isinstance(step, dict)]


def uses(step):
    value = step.get("uses")
    return value if isinstance(value, str) else ""


def action(step):
    """actions/setup-python@v5 -> actions/setup-python."""
    return uses(step).split("@", 1)[0].lower()


def run_lines(step):
    """The commands of a run: step, a line (or an && / ; part) each, spaces evened."""
    run = step.get("run")
    if not isinstance(run, str):
        return []
    joined = re.sub(r"\\\n", " ", run)
    return [" ".join(part.split()) for line in joined.splitlines() for part in re.split(r"&&|;", line) if part.strip()]


def first(items, condition):
    return next((n for n, item in enumerate(items) if condition(item)), None)


def runs(pattern):
    """A condition on a step: one of its commands matches the regex."""
    regex = re.compile(pattern)
    return lambda step: any(regex.search(line) for line in run_lines(step))


MANAGE = r"(?:^|\s)(?:python3?\s+)?(?:\./)?manage\.py\s+"


def env(*levels):
    """The variables a step sees: the workflow's, the job's, the step's (the
    nearer wins)."""
    merged = {}
    for level in levels:
        for name, value in mapping(mapping(level).get("env")).items():
            merged[str(name)] = value
    return merged


def expression(text):
    """Text with the spaces inside each ${{ ... }} taken out, to compare expressions."""
    if not isinstance(text, str):
        return text
    return re.sub(r"\$\{\{(.*?)\}\}", lambda match: "${{" + "".join(match.group(1).split()) + "}}", text)


def env_places(workflow):
    """(where, the env mapping) for every env: of the workflow."""
    places = [("the workflow's env", workflow)]
    for job_name, job in mapping(workflow.get("jobs")).items():
        job = mapping(job)
        places.append((f"job {job_name}'s env", job))
        container = mapping(job.get("container"))
        places.append((f"job {job_name}'s container", container))
        for service_name, service in mapping(job.get("services")).items():
            places.append((f"service {service_name}", mapping(service)))
        for number, step in enumerate(steps(job), start=1):
            places.append((f"step {number} of job {job_name}", step))
    return [(where, mapping(holder.get("env"))) for where, holder in places]


def hard_coded_secrets(workflow):
    """Every place a value named like a secret is written out instead of
    coming from ${{ secrets.NAME }}."""
    found = []
    for where, variables in env_places(workflow):
        for name, value in variables.items():
            if SECRET_NAME.search(str(name)) and not (isinstance(value, str) and SECRET_EXPRESSION.fullmatch(value.strip())):
                found.append(f"{where}: {name}")
    for job_name, job in mapping(workflow.get("jobs")).items():
        for number, step in enumerate(steps(mapping(job)), start=1):
            for name, value in mapping(step.get("with")).items():
                if re.search(r"SECRET|PASSWORD|TOKEN", str(name), re.IGNORECASE) and not (
                        isinstance(value, str) and SECRET_EXPRESSION.fullmatch(value.strip())):
                    found.append(f"step {number} of job {job_name}, with: {name}")
            for line in run_lines(step):
                for match in re.finditer(r"([A-Za-z_][A-Za-z0-9_]*)=(\S+)", line):
                    name, value = match.groups()
                    if SECRET_NAME.search(name) and not value.startswith(("${{", "$")):
                        found.append(f"step {number} of job {job_name}, run: {name}=...")
    return found
