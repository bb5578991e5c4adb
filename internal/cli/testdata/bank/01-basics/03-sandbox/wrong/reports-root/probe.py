# WRONG: what an unconfined container would report.
def facts():
    return {
        "uid": 0,
        "root_writable": True,
        "work_writable": True,
        "network": True,
        "interfaces": ["eth0", "lo"],
        "cap_eff": "00000000a80425fb",
        "no_new_privs": "0",
    }
