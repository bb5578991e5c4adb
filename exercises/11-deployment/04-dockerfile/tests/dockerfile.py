"""A small Dockerfile parser and a .dockerignore matcher, for the tests.

It knows what the tests need: comments, line continuations with a
backslash, instructions in any letter case, exec form (a JSON array) and
shell form, flags such as --from= and --chown=, build stages. It does not
expand variables and does not support heredocs (<<EOF).
"""

import json
import re
import shlex
from dataclasses import dataclass, field


@dataclass
class Instruction:
    keyword: str  # upper case: FROM, RUN, COPY ...
    rest: str  # everything after the keyword, continuations joined
    line: int  # where it starts in the file
    stage: int = 0  # 0 for the first FROM's stage, 1 for the next ...
    flags: dict = field(default_factory=dict)  # --from=builder -> {"from": "builder"}
    args: list = field(default_factory=list)  # the words after the flags
    exec_form: bool = False  # RUN/CMD/... ["a", "b"] rather than a shell command

    def __str__(self):
        return "line %d: %s %s" % (self.line, self.keyword, self.rest)


def parse(text):
    """The instructions of a Dockerfile, in order."""
    instructions = []
    pending, start = [], 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if stripped.startswith("#") or (not stripped and pending):
            continue  # comments (and blank lines inside a continuation)
        if not stripped:
            continue
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].strip())
            continue
        pending.append(stripped)
        instructions.append(make(" ".join(part for part in pending if part), start))
        pending = []
    if pending:
        instructions.append(make(" ".join(part for part in pending if part), start))
    stage = -1
    for instruction in instructions:
        if instruction.keyword == "FROM":
            stage += 1
        instruction.stage = max(stage, 0)
    return instructions


def make(logical_line, line):
    keyword, _, rest = logical_line.partition(" ")
    instruction = Instruction(keyword=keyword.upper(), rest=rest.strip(), line=line)
    words_text = instruction.rest
    # Flags come first: COPY --from=builder --chown=app:app src dest
    if instruction.keyword in ("FROM", "COPY", "ADD", "RUN"):
        while True:
            match = re.match(r"--([\w-]+)(?:=(\S*))?(?:\s+|$)", words_text)
            if not match:
                break
            instruction.flags[match.group(1)] = True if match.group(2) is None else match.group(2)
            words_text = words_text[match.end():]
    if instruction.keyword == "HEALTHCHECK":
        return instruction
    if words_text.startswith("["):
        try:
            value = json.loads(words_text)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            instruction.exec_form = True
            instruction.args = value
            return instruction
    try:
        instruction.args = shlex.split(words_text, comments=False, posix=True)
    except ValueError:
        instruction.args = words_text.split()
    return instruction


def healthcheck_command(instruction):
    """For HEALTHCHECK [options] CMD ...: ("CMD", the command) or ("NONE", None)."""
    words_text = instruction.rest
    while True:
        match = re.match(r"--[\w-]+(?:=\S*)?\s*", words_text)
        if not match:
            break
        words_text = words_text[match.end():]
    keyword, _, command = words_text.partition(" ")
    return keyword.upper(), command.strip() or None


def env_names(instruction):
    """The variable names an ENV or ARG instruction sets."""
    if instruction.keyword == "ARG":
        return [word.split("=", 1)[0] for word in instruction.args]
    words = instruction.args
    if words and "=" not in words[0]:
        return [words[0]]  # the old form: ENV NAME value with spaces
    return [word.split("=", 1)[0] for word in words if "=" in word]


def pattern_regex(pattern):
    """A .dockerignore pattern as a regular expression over a relative path:
    * and ? never cross a /, ** crosses any number of directories."""
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if c == "*":
            if pattern[i:i + 2] == "**":
                i += 2
                if pattern[i:i + 1] == "/":
                    out.append("(?:.*/)?")
                    i += 1
                else:
                    out.append(".*")
                continue
            out.append("[^/]*")
        elif c == "?":
            out.append("[^/]")
        elif c == "[":
            end = pattern.find("]", i + 1)
            if end == -1:
                out.append(re.escape(c))
            else:
                body = pattern[i + 1:end]
                if body.startswith(("!", "^")):
                    body = "^" + body[1:]
                out.append("[" + body + "]")
                i = end
        elif c == "\\" and i + 1 < len(pattern):
            i += 1
            out.append(re.escape(pattern[i]))
        else:
            out.append(re.escape(c))
        i += 1
    return re.compile("^" + "".join(out) + "$")


def clean(path):
    parts = []
    for part in path.strip().split("/"):
        if part in ("", "."):
            continue
        if part == "..":
            if parts:
                parts.pop()
            continue
        parts.append(part)
    return "/".join(parts)


def read_ignore(text):
    """(exclude?, regex) for each pattern of a .dockerignore, in order."""
    rules = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        keep = line.startswith("!")
        if keep:
            line = line[1:].strip()
        line = clean(line)
        if not line:
            continue
        rules.append((not keep, pattern_regex(line)))
    return rules


def is_ignored(rules, path):
    """Does .dockerignore leave path (relative to the context) out? As in
    Docker, a pattern that matches a directory leaves out all inside it, and
    the last pattern that matches decides."""
    path = clean(path)
    parts = path.split("/")
    candidates = ["/".join(parts[:n]) for n in range(1, len(parts) + 1)]
    ignored = False
    for exclude, regex in rules:
        if any(regex.match(candidate) for candidate in candidates):
            ignored = exclude
    return ignored
