import os
import signal
import socket


def can_write(path):
    try:
        with open(os.path.join(path, "drill-probe"), "w") as f:
            f.write("x")
        return True
    except OSError:
        return False


def can_connect():
    try:
        socket.create_connection(("1.1.1.1", 53), timeout=2).close()
        return True
    except OSError:
        return False


def status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return line.split(":", 1)[1].strip()
    return ""


def signal_root():
    """Try to stop and kill every process of root's (the watchdog, the
    init): which pids took a signal, and how many there were to try."""
    took, tried = [], 0
    for pid in os.listdir("/proc"):
        try:
            if not pid.isdigit() or os.stat("/proc/" + pid).st_uid != 0:
                continue
        except OSError:
            continue
        tried += 1
        for sig in (signal.SIGSTOP, signal.SIGKILL, signal.SIGTERM):
            try:
                os.kill(int(pid), sig)
                took.append(int(pid))
            except OSError:
                pass
    return took, tried


def facts():
    return {
        "uid": os.getuid(),
        # /var/tmp is world-writable in the image: only a read-only root stops it.
        "root_writable": can_write("/var/tmp") or can_write("/usr"),
        "work_writable": can_write("/work"),
        "network": can_connect(),
        "interfaces": sorted(name for _, name in socket.if_nameindex()),
        "cap_eff": status("CapEff"),
        "cap_prm": status("CapPrm"),
        "cap_inh": status("CapInh"),
        "cap_amb": status("CapAmb"),
        "signal_root": signal_root(),
        "no_new_privs": status("NoNewPrivs"),
    }
