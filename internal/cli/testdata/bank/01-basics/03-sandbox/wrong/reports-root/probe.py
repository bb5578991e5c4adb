# WRONG: what an unconfined container would report.
def facts():
    return {
        "uid": 0,
        "root_writable": True,
        "work_writable": True,
        "network": True,
        "interfaces": ["eth0", "lo"],
        "cap_eff": "00000000a80425fb",
        "cap_prm": "00000000a80425fb",
        "cap_inh": "0000000000000000",
        "cap_amb": "0000000000000000",
        "signal_root": ([1], 1),
        "no_new_privs": "0",
    }
