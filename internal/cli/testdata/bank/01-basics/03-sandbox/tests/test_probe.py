from probe import facts


def test_runs_as_an_unprivileged_user():
    assert facts()["uid"] == 10002


def test_root_filesystem_is_read_only():
    assert facts()["root_writable"] is False


def test_work_area_is_writable():
    assert facts()["work_writable"] is True


def test_no_network():
    f = facts()
    assert f["network"] is False
    assert f["interfaces"] == ["lo"]


def test_no_capabilities():
    f = facts()
    none = "0000000000000000"
    assert (f["cap_eff"], f["cap_prm"], f["cap_inh"], f["cap_amb"]) == (none, none, none, none)


def test_cannot_signal_the_watchdog():
    took, tried = facts()["signal_root"]
    assert tried > 0  # the init and the watchdog run as root
    assert took == []


def test_no_new_privileges():
    assert facts()["no_new_privs"] == "1"
