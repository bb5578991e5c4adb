import re

import pytest

from dockerfile import clean, env_names, healthcheck_command, is_ignored, parse, pattern_regex, read_ignore
from drillkit import files


def instructions():
    return parse(files.text("Dockerfile"))


def final_stage():
    """The instructions of the last stage: the image that is run."""
    found = instructions()
    assert found, "the Dockerfile has no instructions"
    last = max(i.stage for i in found)
    return [i for i in found if i.stage == last]


def ignore_rules():
    assert files.exists(".dockerignore"), ".dockerignore is missing"
    return read_ignore(files.text(".dockerignore"))


def project_paths(source):
    """The files and folders of the project a COPY source names (a path or a
    pattern, as Docker matches it against the build context)."""
    names = files.names()
    folders = {"/".join(name.split("/")[:n]) for name in names for n in range(1, name.count("/") + 1)}
    pattern = pattern_regex(clean(source))
    return sorted(path for path in set(names) | folders if pattern.match(path))


def from_context(instruction):
    """COPY or ADD from the build context (not --from another stage)."""
    return instruction.keyword in ("COPY", "ADD") and "from" not in instruction.flags


def sources(instruction):
    return instruction.args[:-1]


def is_requirements(source):
    return re.fullmatch(r"(\./)?requirements[\w.-]*\.txt", source) is not None


def is_pip_install(instruction):
    return instruction.keyword == "RUN" and "pip" in instruction.rest and "requirements" in instruction.rest


def first(items, condition):
    return next((n for n, item in enumerate(items) if condition(item)), None)


@pytest.mark.hidden
def test_base_images_are_pinned_to_a_version():
    """Every FROM needs a tag with a version number (like python:3.13-slim): never :latest, never no tag."""
    stages, unpinned = set(), []
    for instruction in instructions():
        if instruction.keyword != "FROM" or not instruction.args:
            continue
        image = instruction.args[0]
        if len(instruction.args) >= 3 and instruction.args[1].upper() == "AS":
            name = instruction.args[2].lower()
        else:
            name = None
        if image.lower() in stages or image == "scratch" or "@sha256:" in image:
            pass
        else:
            last = image.rsplit("/", 1)[-1]
            tag = last.split(":", 1)[1] if ":" in last else ""
            if not re.search(r"\d", tag) or tag == "latest":
                unpinned.append(image)
        if name:
            stages.add(name)
    assert unpinned == []


def test_a_workdir_is_set_before_anything_is_copied():
    stage = final_stage()
    copy = first(stage, lambda i: i.keyword in ("COPY", "ADD"))
    workdirs = [i.args[0] for i in stage[:copy] if i.keyword == "WORKDIR" and i.args]
    assert workdirs != [], "no WORKDIR before the first COPY of the final stage"
    assert workdirs[-1].startswith("/") and workdirs[-1] != "/"


def test_requirements_are_installed_before_the_source_is_copied():
    found = instructions()
    steps = {
        "copy requirements.txt": first(
            found, lambda i: from_context(i) and any(is_requirements(s) for s in sources(i))
        ),
        "pip install -r requirements.txt": first(found, is_pip_install),
        "copy the source": first(
            found, lambda i: from_context(i) and any(not is_requirements(s) for s in sources(i))
        ),
    }
    order = [step for step, index in sorted(steps.items(), key=lambda kv: (kv[1] is None, kv[1])) if index is not None]
    assert order == ["copy requirements.txt", "pip install -r requirements.txt", "copy the source"]


def test_pip_keeps_no_download_cache_in_the_image():
    found = instructions()
    assert any(is_pip_install(i) for i in found), "no RUN installs requirements.txt with pip"
    if any("PIP_NO_CACHE_DIR" in env_names(i) for i in found if i.keyword == "ENV"):
        return
    commands = [
        command.strip()
        for i in found
        if i.keyword == "RUN"
        for command in re.split(r"&&|\|\||;", i.rest)
        if "pip install" in command
    ]
    assert [c for c in commands if "--no-cache-dir" not in c] == []


def test_no_secrets_are_baked_into_the_image():
    names = [name for i in instructions() if i.keyword in ("ENV", "ARG") for name in env_names(i)]
    secret = [name for name in names if re.search(r"SECRET|PASSWORD|PASSWD|TOKEN|KEY", name.upper())]
    assert secret == []


def test_static_files_are_collected_when_the_image_is_built():
    found = instructions()
    last = max(i.stage for i in found)
    source = first(found, lambda i: from_context(i) and any(not is_requirements(s) for s in sources(i)))
    collect = [
        n for n, i in enumerate(found)
        if i.stage == last and i.keyword == "RUN" and "collectstatic" in i.rest
        and ("--noinput" in i.rest or "--no-input" in i.rest)
    ]
    assert collect != [], "no RUN ... manage.py collectstatic --noinput in the final stage"
    assert source is not None and collect[-1] > source, "collectstatic runs before the source is copied"


def test_port_8000_is_exposed():
    ports = [port.split("/")[0] for i in final_stage() if i.keyword == "EXPOSE" for port in i.args]
    assert "8000" in ports


def test_the_container_runs_as_a_user_that_is_not_root():
    stage = final_stage()
    users = [(n, i.args[0].split(":")[0]) for n, i in enumerate(stage) if i.keyword == "USER" and i.args]
    user = users[-1][1] if users else "root"
    assert user not in ("root", "0"), f"the container runs as {user}"
    cmd = first(stage, lambda i: i.keyword == "CMD")
    assert cmd is None or users[-1][0] < cmd, "USER must come before CMD"
    if not user.isdigit() and user != "nobody":
        created = [
            i for i in stage if i.keyword == "RUN" and re.search(r"\b(useradd|adduser)\b", i.rest)
            and user in i.args
        ]
        assert created != [], f"no RUN useradd/adduser creates the user {user!r} in the final stage"


def test_cmd_starts_gunicorn_in_exec_form():
    cmds = [i for i in final_stage() if i.keyword == "CMD"]
    assert cmds != [], "no CMD in the final stage"
    cmd = cmds[-1]
    assert cmd.exec_form, f"CMD is in shell form ({cmd.rest}): write it as a JSON array, CMD [\"gunicorn\", ...]"
    args = cmd.args
    runs_gunicorn = args[:1] == ["gunicorn"] or args[1:3] == ["-m", "gunicorn"]
    assert runs_gunicorn, f"CMD starts {' '.join(args[:3])!r}, not gunicorn"
    assert [a for a in args if a.startswith("project.wsgi")] != [], "gunicorn must serve project.wsgi:application"
    binds = [a for a in args if a.endswith("0.0.0.0:8000")]
    assert binds != [], "gunicorn must bind 0.0.0.0:8000"


def test_a_healthcheck_is_declared():
    checks = [healthcheck_command(i) for i in final_stage() if i.keyword == "HEALTHCHECK"]
    assert checks != [], "no HEALTHCHECK in the final stage"
    kind, command = checks[-1]
    assert kind == "CMD"
    assert command


def test_every_copied_file_is_in_the_build_context():
    rules = ignore_rules()
    problems = []
    for instruction in instructions():
        if not from_context(instruction):
            continue
        for source in sources(instruction):
            if source.startswith(("http://", "https://")) or source in (".", "./"):
                continue
            matches = project_paths(source)
            if not matches:
                problems.append(f"{source}: no such file in the project")
            for relative in matches:
                if is_ignored(rules, relative):
                    problems.append(f"{source}: left out by .dockerignore")
    assert problems == []


def test_dockerignore_leaves_out_git_secrets_the_database_and_caches():
    rules = ignore_rules()
    paths = [
        ".git",
        ".git/HEAD",
        ".env",
        "db.sqlite3",
        "__pycache__/manage.cpython-313.pyc",
        "project/__pycache__/settings.cpython-313.pyc",
    ]
    assert [path for path in paths if not is_ignored(rules, path)] == []


def test_dockerignore_keeps_what_the_image_needs():
    rules = ignore_rules()
    paths = [path for path in files.names() if path not in ("Dockerfile", ".dockerignore")]
    assert "requirements.txt" in paths
    assert [path for path in paths if is_ignored(rules, path)] == []
    assert is_ignored(rules, ".git"), ".dockerignore must still leave out .git"
