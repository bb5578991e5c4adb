"""Emptying what a job leaves behind in the sandbox's shared places: used
by the batch parent (the judge's side, uid 10001) between jobs and by the
zygote (the learner's side, uid 10002) in a reset. Each removes what its
own uid may: in the sticky shared directories (/tmp, /dev/shm,
/dev/mqueue) that is its own files only."""

import os
import shutil
import subprocess


def empty(directory, owner=None):
    """Remove what is in directory (a tmpfs of the sandbox's); with owner (a
    uid), only the entries that uid owns. A directory its owner made
    unreadable or unwritable is opened up first. Errors are ignored: what
    cannot be removed is another uid's."""
    try:
        entries = os.listdir(directory)
    except OSError:
        return
    for name in entries:
        p = os.path.join(directory, name)
        try:
            st = os.lstat(p)
        except OSError:
            continue
        if owner is not None and st.st_uid != owner:
            continue
        if os.path.isdir(p) and not os.path.islink(p):
            open_up(p)
            shutil.rmtree(p, ignore_errors=True)
        else:
            try:
                os.unlink(p)
            except OSError:
                pass


def open_up(top):
    """chmod 0700 every directory under top (top included) that can be
    reached, each before it is read, so that rmtree can go through a tree
    whose owner shut some of it (mode 000). Links are not followed."""
    try:
        os.chmod(top, 0o700)
    except OSError:
        return
    for dirpath, dirnames, _ in os.walk(top):
        for d in dirnames:
            p = os.path.join(dirpath, d)
            if not os.path.islink(p):
                try:
                    os.chmod(p, 0o700)
                except OSError:
                    pass


def remove_ipc():
    """Remove the System V shared memory, semaphores and message queues that
    a job made (those this uid may remove): they outlive its processes.
    ipcrm runs only if there are some (the sandbox's IPC namespace is its
    own)."""
    for kind in ("shm", "sem", "msg"):
        try:
            with open("/proc/sysvipc/" + kind) as f:
                if len(f.readlines()) > 1:  # a header, then one line each
                    break
        except OSError:
            continue
    else:
        return
    subprocess.run(["ipcrm", "--all"], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, check=False)
