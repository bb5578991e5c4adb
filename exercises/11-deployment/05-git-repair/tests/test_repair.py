import datetime
import difflib
import functools
import subprocess
from dataclasses import dataclass

import pytest

from drillkit import learnerside
from histories import BAD, FIX, HISTORIES, fast_import

REVERT = f'Revert "{BAD}"'
# The repository's own user, for the commits repair.sh makes.
USER = ("Robin Repair", "robin@example.com")


@dataclass
class Commit:
    hash: str
    parents: list
    author: tuple  # (name, email, seconds since the epoch)
    subject: str
    body: str


@dataclass
class Repaired:
    """What the tests read of a repository before and after repair.sh, as data."""

    before: dict  # branch -> commit, before
    subjects: dict  # subject -> commit, before (every branch)
    returncode: int
    output: str  # the end of what repair.sh printed
    head: str  # the branch checked out after, or "(detached HEAD)"
    status: list  # git status --porcelain, a line per change not committed
    unfinished: list  # a revert, cherry-pick, merge or rebase left half done
    after: dict  # branch -> commit, after
    kept: bool  # main's old commit is still in main's history
    new: list  # the commits on main that were not there before, oldest first
    files: dict  # path -> text, main's files after


class Git:
    """git run in the learner's process, in a folder of its own under /tmp,
    with no configuration but the repository's."""

    def __init__(self):
        os = learnerside.module("os")
        self.folder = learnerside.module("tempfile").mkdtemp(dir="/tmp")
        self.path = os.path.join(self.folder, "repo")
        home = os.path.join(self.folder, "home")
        os.mkdir(home)
        os.mkdir(self.path)
        env = {key: value for key, value in dict(os.environ).items() if not key.startswith("GIT_")}
        env.update(
            HOME=home, LC_ALL="C", GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null",
            # A script has nobody to type a commit message into an editor.
            GIT_EDITOR="false", GIT_PAGER="cat", GIT_TERMINAL_PROMPT="0",
        )
        self.env = env

    def run(self, argv, input=None, timeout=30):
        subprocess = learnerside.module("subprocess")
        options = {"stdin": subprocess.DEVNULL} if input is None else {"input": input}
        done = subprocess.run(argv, cwd=self.path, env=self.env, capture_output=True, text=True, timeout=timeout, **options)
        return done.returncode, done.stdout, done.stderr

    def __call__(self, *args, input=None):
        code, out, err = self.run(["git", *args], input=input)
        assert code == 0, f"git {' '.join(args)} failed: {err}"
        return out

    def ok(self, *args):
        return self.run(["git", *args])[0] == 0

    def remove(self):
        learnerside.module("shutil").rmtree(self.folder, ignore_errors=True)


def branches(git):
    lines = git("for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads").splitlines()
    return dict(line.split(" ") for line in lines)


def commits(git, *revisions):
    fields = "%H%x1f%P%x1f%an%x1f%ae%x1f%at%x1f%s%x1f%b%x1e"
    out = git("log", "--reverse", f"--format={fields}", *revisions, "--")
    found = []
    for record in out.split("\x1e"):
        record = record.strip("\n")
        if not record:
            continue
        hash, parents, name, email, seconds, subject, body = record.split("\x1f")
        found.append(Commit(hash, parents.split(), (name, email, int(seconds)), subject, body))
    return found


def files_of(git, revision):
    """Every file of a commit, path -> text, read with one `git cat-file --batch`."""
    paths = [p for p in git("ls-tree", "-r", "-z", "--name-only", revision).split("\0") if p]
    out = git("cat-file", "--batch", input="".join(f"{revision}:{p}\n" for p in paths))
    texts, rest = {}, out
    for path in paths:
        header, rest = rest.split("\n", 1)
        size = int(header.split()[2])
        # cat-file counts bytes; the files are ASCII, so characters too.
        texts[path], rest = rest[:size], rest[size + 1:]
    return texts


@functools.cache
def repaired(name):
    """Build the repository `name`, run repair.sh in it, and read what it became."""
    history = HISTORIES[name]
    git = Git()
    try:
        git("init", "--quiet", "--initial-branch=main")
        git("config", "user.name", USER[0])
        git("config", "user.email", USER[1])
        git("fast-import", "--quiet", input=fast_import(history))
        git("checkout", "--quiet", "--force", history.head)
        before = branches(git)
        subjects = {c.subject: c.hash for c in commits(git, "--all")}
        script = learnerside.module("os").path.abspath("repair.sh")
        try:
            returncode, out, err = git.run(["bash", script], timeout=20)
        except subprocess.TimeoutExpired:
            returncode, out, err = -1, "", "repair.sh was stopped after 20 seconds"
        code, head, _ = git.run(["git", "symbolic-ref", "--quiet", "--short", "HEAD"])
        unfinished = [what for what, ref in (("a revert", "REVERT_HEAD"), ("a cherry-pick", "CHERRY_PICK_HEAD"),
                                              ("a merge", "MERGE_HEAD"), ("a rebase", "REBASE_HEAD"))
                      if git.ok("rev-parse", "--quiet", "--verify", ref)]
        return Repaired(
            before=before,
            subjects=subjects,
            returncode=returncode,
            output="\n".join((out + err).strip().splitlines()[-20:]),
            head=head.strip() if code == 0 else "(detached HEAD)",
            status=git("status", "--porcelain", "--untracked-files=all").splitlines(),
            unfinished=unfinished,
            after=branches(git),
            kept=git.ok("merge-base", "--is-ancestor", before["main"], "main"),
            new=commits(git, f"{before['main']}..main"),
            files=files_of(git, "main"),
        )
    finally:
        git.remove()


@pytest.fixture(params=list(HISTORIES))
def repo(request):
    """Each test looks at both repositories: the practice one, and another
    whose history has another shape."""
    return request.param, repaired(request.param)


def new_commit(result, subject):
    found = [c for c in result.new if c.subject == subject]
    assert found, f"main has no new commit {subject!r}; its new commits: {[c.subject for c in result.new]}"
    return found[0]


def when_and_who(author):
    """(name, email, seconds) as git log shows it: Sam Reyes <sam@example.com> 2024-03-07 09:00:00 +0100."""
    name, email, seconds = author
    when = datetime.datetime.fromtimestamp(seconds, datetime.timezone(datetime.timedelta(hours=1)))
    return f"{name} <{email}> {when:%Y-%m-%d %H:%M:%S %z}"


def test_repair_sh_runs_without_errors(repo):
    name, result = repo
    status, output = result.returncode, result.output
    assert status == 0, f"bash repair.sh ended with exit status {status}:\n{output}"


def test_it_ends_on_main_with_everything_committed(repo):
    name, result = repo
    assert {"branch": result.head, "not committed": result.status, "left half done": result.unfinished} == {
        "branch": "main", "not committed": [], "left half done": []}


def test_mains_history_is_kept(repo):
    name, result = repo
    kept = result.kept
    assert kept, (
        "main's history was rewritten: the commit main was on is no longer in it (a reset, a rebase or an amend?). "
        "Others have that history already: undo with new commits on top"
    )


def test_main_gains_a_revert_and_the_fix_and_nothing_else(repo):
    name, result = repo
    new = [(c.subject, len(c.parents)) for c in result.new]
    assert sorted(new) == sorted([(REVERT, 1), (FIX, 1)]), (
        f"main's new commits, oldest first, as (subject, number of parents): {new}"
    )


def test_the_revert_undoes_the_bad_commit(repo):
    name, result = repo
    revert = new_commit(result, REVERT)
    assert f"This reverts commit {result.subjects[BAD]}." in revert.body
    assert revert.author[:2] == USER, "the revert is made by the repository's user"


def test_the_fix_keeps_its_author_and_date(repo):
    name, result = repo
    fix = new_commit(result, FIX)
    original = next(c for c in HISTORIES[name].commits if c.message.startswith(FIX + "\n"))
    assert when_and_who(fix.author) == when_and_who(original.author + (original.date,))


def test_mains_files_are_repaired(repo):
    name, result = repo
    expected = HISTORIES[name].expected
    assert sorted(result.files) == sorted(expected)
    for path in expected:
        got = result.files[path]
        diff = difflib.unified_diff(expected[path].splitlines(), got.splitlines(), "expected", "main", lineterm="")
        assert got == expected[path], f"{path} on main is not as it should be:\n" + "\n".join(diff)


def test_the_other_branches_are_left_alone(repo):
    name, result = repo
    others = {branch: commit for branch, commit in result.before.items() if branch != "main"}
    assert {branch: result.after.get(branch) for branch in others} == others
